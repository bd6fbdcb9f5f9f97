/**
 * Actors named in any text, found through their names and aliases: tolerant
 * of case, diacritics and inflection ("Kinas", "USA:s", "Russlands"). Pure.
 */
import { foldLetters } from '../fold-letters';
import type { Actor } from '../model';

const KEEP_LENGTH = { keepLength: true } as const;

export interface ActorMention {
  actorId: string;
  start: number;
  end: number;
  text: string;
}

type ActorLike = Pick<Actor, 'id' | 'name' | 'aliases'>;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Inflections tolerated after a name: English 's, Swedish -s/-en/-ens/:s, German -s/-es/-n/-en. */
const NAME_SUFFIX = "(?:[:'’]s|[:'’]?(?:s|es|n|en|ens|ns|er|ern|e|ar|arna|erna))?";
const ACRONYM_SUFFIX = "(?:[:'’-][\\p{L}]+|s)?";

/**
 * Finds actor mentions through names and aliases: case- and diacritic-
 * insensitive, tolerant of inflection ("Kinas", "USA:s", "Russlands").
 * Short all-capital aliases ("EU", "UN", "US") match only in capitals.
 */
export class AliasMatcher {
  private readonly folded: RegExp | undefined;
  private readonly acronyms: RegExp | undefined;
  private readonly byKey = new Map<string, string[]>();

  constructor(actors: readonly ActorLike[]) {
    const words: string[] = [];
    const caps: string[] = [];
    for (const actor of actors) {
      for (const name of new Set([actor.name, ...actor.aliases])) {
        const trimmed = name.trim().replace(/\s+/g, ' ');
        if (trimmed.length < 2) continue;
        const acronym = /^[\p{Lu}\d&.]{2,5}$/u.test(trimmed);
        const key = acronym ? `A:${trimmed}` : `F:${foldLetters(trimmed, KEEP_LENGTH)}`;
        const list = this.byKey.get(key);
        if (list) {
          if (!list.includes(actor.id)) list.push(actor.id);
          continue;
        }
        this.byKey.set(key, [actor.id]);
        (acronym ? caps : words).push(acronym ? trimmed : foldLetters(trimmed, KEEP_LENGTH));
      }
    }
    const alt = (list: string[]) =>
      list
        .sort((a, b) => b.length - a.length)
        .map((s) => escapeRe(s).replace(/ /g, '[\\s\\u00a0]+'))
        .join('|');
    if (words.length)
      this.folded = new RegExp(`(?<![\\p{L}\\p{N}])(${alt(words)})${NAME_SUFFIX}(?![\\p{L}\\p{N}])`, 'gu');
    if (caps.length)
      this.acronyms = new RegExp(`(?<![\\p{L}\\p{N}])(${alt(caps)})${ACRONYM_SUFFIX}(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** Every mention, in text order. */
  find(text: string): ActorMention[] {
    const out: ActorMention[] = [];
    const run = (re: RegExp | undefined, haystack: string, prefix: string) => {
      if (!re) return;
      re.lastIndex = 0;
      for (const m of haystack.matchAll(re)) {
        const ids = this.byKey.get(`${prefix}${m[1]!.replace(/[\s\u00a0]+/g, ' ')}`);
        if (!ids) continue;
        for (const actorId of ids)
          out.push({
            actorId,
            start: m.index,
            end: m.index + m[0].length,
            text: text.slice(m.index, m.index + m[0].length),
          });
      }
    };
    run(this.folded, foldLetters(text, KEEP_LENGTH), 'F:');
    run(this.acronyms, text, 'A:');
    return out.sort((a, b) => a.start - b.start);
  }

  /** The distinct actor ids named in a text. */
  actorIds(text: string): Set<string> {
    return new Set(this.find(text).map((m) => m.actorId));
  }
}
