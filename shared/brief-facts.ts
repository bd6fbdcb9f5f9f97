/**
 * Live facts in a brief: the lines a draft writes about its claims (the
 * overview, the stance and status split, each claim's status) are inline
 * `briefFact` nodes that keep the claim ids, not frozen text. Whoever shows
 * the brief — the editor's node view, every exporter — words them afresh from
 * the claims as they are now, and says when a claim's status changed since
 * the draft was made. Pure: no Node, DOM, React or Electron.
 */
import { STANCES, type UiLanguage } from './enums';
import { DEFAULT_STATUSES } from './model';
import { briefWords, DEFAULT_BRIEF_LANGUAGE, type BriefWords } from './brief-words';
import { formatDate, outletName, plainText, type CitedClaim, type JsonNode } from './brief-doc';

/** Name of the fact node in the editor's schema and in stored briefs. */
export const FACT_NODE = 'briefFact';

export type FactKind = 'overview' | 'split' | 'status';

export interface FactAttrs {
  kind: FactKind;
  /** overview / split: the drafted claims; status: the one claim. */
  annotationIds: string[];
  /** overview: whose or which tag's claims these are, worded in the brief's language ("linked to Karin Holmqvist"). */
  about?: { kind: 'actor' | 'tag'; name: string };
  /** overview, in drafts made before `about`: how the claims were chosen, as the draft worded it. */
  subject?: string;
  /** split: count only this actor's stances (a draft from an actor). */
  stanceActorId?: string;
  /** Each claim's status when the draft was made. */
  drafted?: Record<string, string>;
}

export function factNode(attrs: FactAttrs): JsonNode {
  return { type: FACT_NODE, attrs: { ...attrs } };
}

/** The attrs of a fact node, or undefined when it is not one (or is malformed). */
export function factAttrs(node: JsonNode): FactAttrs | undefined {
  if (node.type !== FACT_NODE) return undefined;
  const a = node.attrs ?? {};
  const kind = a.kind;
  if (kind !== 'overview' && kind !== 'split' && kind !== 'status') return undefined;
  const ids = Array.isArray(a.annotationIds) ? a.annotationIds.filter((x): x is string => typeof x === 'string') : [];
  const out: FactAttrs = { kind, annotationIds: ids };
  if (typeof a.subject === 'string' && a.subject) out.subject = a.subject;
  const about = a.about as { kind?: unknown; name?: unknown } | null | undefined;
  if (about && (about.kind === 'actor' || about.kind === 'tag') && typeof about.name === 'string')
    out.about = { kind: about.kind, name: about.name };
  if (typeof a.stanceActorId === 'string' && a.stanceActorId) out.stanceActorId = a.stanceActorId;
  if (a.drafted && typeof a.drafted === 'object') {
    const drafted: Record<string, string> = {};
    for (const [k, v] of Object.entries(a.drafted as Record<string, unknown>))
      if (typeof v === 'string') drafted[k] = v;
    out.drafted = drafted;
  }
  return out;
}

/** A run of a worded fact: bold for a label, `changed` for what differs from the draft. */
export interface FactRun {
  text: string;
  bold?: boolean;
  changed?: boolean;
}

/** A claim as it is now: the claim, null when it no longer exists, undefined while still being looked up. */
export type ClaimLookup = (id: string) => CitedClaim | null | undefined;

/** The order statuses are listed in; others follow by name. */
export const STATUS_ORDER = ['corroborated', 'unverified', 'disputed', 'refuted'] as const;

/** A default status or a stance in the brief's language; a notebook's own statuses are its own words. */
function termFor(t: BriefWords, group: 'status' | 'stance', key: string, count: number): string {
  const known = group === 'status' ? (DEFAULT_STATUSES as readonly string[]) : (STANCES as readonly string[]);
  return known.includes(key) ? t(`${group}.${key}` as 'status.unverified', { count }) : key;
}

function split(
  t: BriefWords,
  group: 'status' | 'stance',
  counts: Map<string, number>,
  order: readonly string[],
): string {
  const keys = [...order.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !order.includes(k)).sort()];
  return keys.map((k) => `${counts.get(k)} ${termFor(t, group, k, counts.get(k)!)}`).join(', ');
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** `from 3 sources; 1 of them dated, published on 29 November 2018` — dates only from sources that have one. */
function sourcesPhrase(t: BriefWords, language: UiLanguage, claims: readonly CitedClaim[]): string {
  const sources = new Map(claims.map((c) => [c.source.id, c.source]));
  const outlets = [...sources.values()].map(outletName);
  const named = new Set(outlets.filter((o): o is string => !!o));
  let out = t('fact.fromSources', { count: sources.size });
  if (outlets.every(Boolean) && named.size !== sources.size) out += ` ${t('fact.outlets', { count: named.size })}`;
  const dates = [...sources.values()]
    .map((s) => s.publishedAt?.slice(0, 10))
    .filter((d): d is string => !!d)
    .sort();
  if (!dates.length) return `${out}; ${t('fact.notDated', { count: sources.size })}`;
  const first = formatDate(dates[0], language);
  const last = formatDate(dates[dates.length - 1], language);
  const when =
    first === last
      ? t('fact.publishedOn', { date: first, count: dates.length })
      : t('fact.publishedBetween', { first, last });
  return dates.length === sources.size
    ? `${out}, ${when}`
    : `${out}; ${t('fact.someDated', { count: dates.length })}, ${when}`;
}

/** What the overview says the claims are: linked to an actor, tagged, or as the draft worded it. */
function subjectOf(t: BriefWords, attrs: FactAttrs, count: number): string | undefined {
  if (attrs.about?.kind === 'actor') return t('fact.linkedTo', { name: attrs.about.name, count });
  if (attrs.about?.kind === 'tag') return t('fact.tagged', { name: attrs.about.name, count });
  return attrs.subject;
}

function overviewRuns(
  t: BriefWords,
  language: UiLanguage,
  attrs: FactAttrs,
  claims: CitedClaim[],
  gone: number,
): FactRun[] {
  const goneNote: FactRun[] = gone ? [{ text: ` ${t('fact.gone', { count: gone })}`, changed: true }] : [];
  // Agrees with the number of claims ("1 påstående kopplat", "2 påståenden kopplade").
  const subject = subjectOf(t, attrs, claims.length);
  if (!claims.length) return [{ text: t('fact.noClaims', { subject: subject || t('fact.selected') }) }, ...goneNote];
  return [
    {
      text: t('fact.collects', {
        count: claims.length,
        subject: subject ? ` ${subject}` : '',
        sources: sourcesPhrase(t, language, claims),
      }),
    },
    ...goneNote,
  ];
}

function splitRuns(t: BriefWords, attrs: FactAttrs, claims: CitedClaim[]): FactRun[] {
  const stances = new Map<string, number>();
  const statuses = new Map<string, number>();
  let changed = 0;
  for (const { annotation } of claims) {
    const links = annotation.actors.filter((l) => !attrs.stanceActorId || l.actorId === attrs.stanceActorId);
    for (const stance of new Set(links.map((l) => l.stance).filter((s): s is NonNullable<typeof s> => !!s)))
      bump(stances, stance);
    bump(statuses, annotation.status);
    const was = attrs.drafted?.[annotation.id];
    if (was && was !== annotation.status) changed++;
  }
  const out: FactRun[] = [];
  if (stances.size)
    out.push({ text: `${t('fact.stanceLabel')} `, bold: true }, { text: `${split(t, 'stance', stances, STANCES)}. ` });
  if (claims.length)
    out.push(
      { text: `${t('fact.statusLabel')} `, bold: true },
      { text: `${split(t, 'status', statuses, STATUS_ORDER)}.` },
    );
  if (changed) out.push({ text: ` ${t('fact.statusesChanged', { count: changed })}`, changed: true });
  return out;
}

function statusRuns(t: BriefWords, attrs: FactAttrs, claim: CitedClaim | null): FactRun[] {
  if (!claim) return [{ text: `${t('fact.statusLabel')} ` }, { text: t('fact.claimRemoved'), changed: true }];
  const now = claim.annotation.status;
  const was = attrs.drafted?.[claim.annotation.id];
  const out: FactRun[] = [{ text: `${t('fact.statusLabel')} ${termFor(t, 'status', now, 1)}` }];
  if (was && was !== now)
    out.push({
      text: ` ${t('fact.statusChanged', { was: termFor(t, 'status', was, 1), now: termFor(t, 'status', now, 1) })}`,
      changed: true,
    });
  return out;
}

/**
 * Words a fact from the claims as they are now, in `language` (the brief's; English by default);
 * undefined while a claim is still being looked up.
 */
export function factRuns(
  attrs: FactAttrs,
  lookup: ClaimLookup,
  language: UiLanguage = DEFAULT_BRIEF_LANGUAGE,
): FactRun[] | undefined {
  const found = attrs.annotationIds.map(lookup);
  if (found.some((c) => c === undefined)) return undefined;
  const claims = found.filter((c): c is CitedClaim => !!c);
  const t = briefWords(language);
  switch (attrs.kind) {
    case 'overview':
      return overviewRuns(t, language, attrs, claims, found.length - claims.length);
    case 'split':
      return splitRuns(t, attrs, claims);
    case 'status':
      return statusRuns(t, attrs, claims[0] ?? null);
  }
}

/** The plain text of a node with its facts worded from the claims in `ctx` (citations become spaces, as in plainText). */
export function liveText(node: JsonNode, ctx: { annotation(id: string): CitedClaim | undefined }): string {
  return plainText(node, (n) => {
    const attrs = factAttrs(n);
    return attrs && (factRuns(attrs, (id) => ctx.annotation(id) ?? null) ?? []).map((r) => r.text).join('');
  });
}
