/**
 * Live facts in a brief: the lines a draft writes about its claims (the
 * overview, the stance and status split, each claim's status) are inline
 * `briefFact` nodes that keep the claim ids, not frozen text. Whoever shows
 * the brief — the editor's node view, every exporter — words them afresh from
 * the claims as they are now, and says when a claim's status changed since
 * the draft was made. Pure: no Node, DOM, React or Electron.
 */
import { STANCES } from './enums';
import { formatDate, outletName, plainText, type CitedClaim, type JsonNode } from './brief-doc';

/** Name of the fact node in the editor's schema and in stored briefs. */
export const FACT_NODE = 'briefFact';

export type FactKind = 'overview' | 'split' | 'status';

export interface FactAttrs {
  kind: FactKind;
  /** overview / split: the drafted claims; status: the one claim. */
  annotationIds: string[];
  /** overview: how the claims were chosen ("linked to Karin Holmqvist"). */
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

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function split(counts: Map<string, number>, order: readonly string[]): string {
  const keys = [...order.filter((k) => counts.has(k)), ...[...counts.keys()].filter((k) => !order.includes(k)).sort()];
  return keys.map((k) => `${counts.get(k)} ${k}`).join(', ');
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** `from 3 sources; 1 of them dated, published on 29 November 2018` — dates only from sources that have one. */
function sourcesPhrase(claims: readonly CitedClaim[]): string {
  const sources = new Map(claims.map((c) => [c.source.id, c.source]));
  const outlets = [...sources.values()].map(outletName);
  const named = new Set(outlets.filter((o): o is string => !!o));
  let out = `from ${plural(sources.size, 'source')}`;
  if (outlets.every(Boolean) && named.size !== sources.size) out += ` (${plural(named.size, 'outlet')})`;
  const dates = [...sources.values()]
    .map((s) => s.publishedAt?.slice(0, 10))
    .filter((d): d is string => !!d)
    .sort();
  if (!dates.length) return `${out}; ${sources.size === 1 ? 'it is not' : 'none of them'} dated`;
  const first = formatDate(dates[0]);
  const last = formatDate(dates[dates.length - 1]);
  const when = first === last ? `published on ${first}` : `published between ${first} and ${last}`;
  return dates.length === sources.size ? `${out}, ${when}` : `${out}; ${dates.length} of them dated, ${when}`;
}

function overviewRuns(attrs: FactAttrs, claims: CitedClaim[], gone: number): FactRun[] {
  const goneNote: FactRun[] = gone
    ? [{ text: ` ${plural(gone, 'claim')} drafted here no longer ${gone === 1 ? 'exists' : 'exist'}.`, changed: true }]
    : [];
  if (!claims.length) return [{ text: `No claims ${attrs.subject || 'selected'} yet.` }, ...goneNote];
  const subject = attrs.subject ? ` ${attrs.subject}` : '';
  return [
    { text: `This brief collects ${plural(claims.length, 'claim')}${subject} ${sourcesPhrase(claims)}.` },
    ...goneNote,
  ];
}

function splitRuns(attrs: FactAttrs, claims: CitedClaim[]): FactRun[] {
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
  if (stances.size) out.push({ text: 'Stance: ', bold: true }, { text: `${split(stances, STANCES)}. ` });
  if (claims.length) out.push({ text: 'Status: ', bold: true }, { text: `${split(statuses, STATUS_ORDER)}.` });
  if (changed) out.push({ text: ` ${plural(changed, 'status', 'statuses')} changed since drafting.`, changed: true });
  return out;
}

function statusRuns(attrs: FactAttrs, claim: CitedClaim | null): FactRun[] {
  if (!claim) return [{ text: 'Status: ' }, { text: 'claim removed', changed: true }];
  const now = claim.annotation.status;
  const was = attrs.drafted?.[claim.annotation.id];
  const out: FactRun[] = [{ text: `Status: ${now}` }];
  if (was && was !== now) out.push({ text: ` (status changed since drafting: was ${was}, now ${now})`, changed: true });
  return out;
}

/** Words a fact from the claims as they are now; undefined while a claim is still being looked up. */
export function factRuns(attrs: FactAttrs, lookup: ClaimLookup): FactRun[] | undefined {
  const found = attrs.annotationIds.map(lookup);
  if (found.some((c) => c === undefined)) return undefined;
  const claims = found.filter((c): c is CitedClaim => !!c);
  switch (attrs.kind) {
    case 'overview':
      return overviewRuns(attrs, claims, found.length - claims.length);
    case 'split':
      return splitRuns(attrs, claims);
    case 'status':
      return statusRuns(attrs, claims[0] ?? null);
  }
}

/** The plain text of a node with its facts worded from the claims in `ctx` (citations become spaces, as in plainText). */
export function liveText(node: JsonNode, ctx: { annotation(id: string): CitedClaim | undefined }): string {
  return plainText(node, (n) => {
    const attrs = factAttrs(n);
    return attrs && (factRuns(attrs, (id) => ctx.annotation(id) ?? null) ?? []).map((r) => r.text).join('');
  });
}
