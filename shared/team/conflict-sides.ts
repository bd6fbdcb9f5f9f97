/**
 * How a conflict's two sides are named to the person looking at them. A
 * conflict's `ours` and `theirs` are relative to the computer that merged, not
 * to the reader: when Bob merges and shares, Alice's notebook shows Bob's
 * value as `ours`. So each side is named by who made it ("Bob's value"), the
 * side the notebook shows now is marked (the merged files show `ours`), and a
 * side is "yours" only when its author is the person looking (their settings'
 * author name and e-mail). Without a known author, or when one person made
 * both sides, the sides get neutral names. Pure: no Node, DOM or Electron.
 */
import type { Conflict } from './conflicts';

export type ConflictSideName = 'ours' | 'theirs';

/** Who someone is, as commits and settings say it. */
export interface Author {
  name: string;
  email?: string;
}

/** One side of a conflict as the person looking sees it. */
export interface ConflictSideView {
  side: ConflictSideName;
  /** Who made this side's value; absent when unknown or when it would not tell the sides apart. */
  author?: Author;
  /** The notebook shows this value now (until someone takes a side). */
  shownNow: boolean;
  /** The person looking made this side's value. */
  yours: boolean;
}

/** "Name <e-mail>" (how a conflict records an author) as a name and an e-mail; undefined when empty. */
export function parseAuthor(by: string | undefined): Author | undefined {
  const text = by?.trim();
  if (!text) return undefined;
  const m = /^([^<>]*)<([^<>]*)>$/.exec(text);
  const name = (m ? m[1]! : text).trim();
  const email = m?.[2]!.trim();
  if (!name && !email) return undefined;
  return { name: name || email!, ...(email ? { email } : {}) };
}

const same = (a: string | undefined, b: string | undefined) =>
  Boolean(a?.trim() && b?.trim() && a.trim().toLowerCase() === b.trim().toLowerCase());

/** Whether two authors are one person: the e-mails when both have one, else the names. */
export function sameAuthor(a: Partial<Author> | undefined, b: Partial<Author> | undefined): boolean {
  if (!a || !b) return false;
  if (a.email?.trim() && b.email?.trim()) return same(a.email, b.email);
  return same(a.name, b.name);
}

/** The conflict's two sides, the one shown now first, as `me` (the person looking) sees them. */
export function conflictSides(
  conflict: Pick<Conflict, 'oursBy' | 'theirsBy'>,
  me: Partial<Author>,
): [ConflictSideView, ConflictSideView] {
  const ours = parseAuthor(conflict.oursBy);
  const theirs = parseAuthor(conflict.theirsBy);
  // One person on both sides (two computers): a name would not tell them apart.
  const named = !sameAuthor(ours, theirs);
  const view = (side: ConflictSideName, author: Author | undefined): ConflictSideView => ({
    side,
    ...(named && author ? { author } : {}),
    shownNow: side === 'ours',
    yours: named && sameAuthor(author, me),
  });
  return [view('ours', ours), view('theirs', theirs)];
}

/**
 * The i18next context for a name in the possessive: Swedish adds no -s to a
 * name ending in s, x or z ("Lars värde", "Bobs värde").
 */
export function possessiveContext(name: string): 'sibilant' | undefined {
  return /[sxz]$/i.test(name.trim()) ? 'sibilant' : undefined;
}
