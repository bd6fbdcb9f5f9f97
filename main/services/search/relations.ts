/**
 * Groups of related claims and the discrepancies inside a group (pure functions).
 *
 * - `computeGroups`: claims joined by relations (corroborates / contradicts /
 *   elaborates) form a group, a connected component; its count of independent
 *   sources is the number of distinct outlets (a source without an outlet
 *   counts by its web host, else as its own).
 * - `findDiscrepancies`: numbers, dates / weekdays and named actors that differ
 *   between the members of a group ("14 injured" vs "40 injured"; "on Monday"
 *   vs "on Tuesday"; one outlet naming another state).
 */
import { RELATION_TYPES, type RelationType } from '../../../shared/enums';
import type { Actor, Relation } from '../../../shared/model';
import type { Discrepancy, RelationGroup } from '../../../shared/api/search';
import {
  AliasMatcher,
  datesDiffer,
  describeDateValue,
  extractDates,
  extractCounts,
  foldForMatch,
  tokenize,
} from '../../../shared/text';
import { isCanonicalTerm, wordTerms } from './analyzer';

export interface GroupInput {
  relations: readonly Pick<Relation, 'from' | 'to' | 'type'>[];
  annotations: Iterable<{ id: string; sourceId: string }>;
  sources: Iterable<{ id: string; outlet?: string; url?: string }>;
  /** Relation types that join claims (default: all three). */
  types?: readonly RelationType[];
}

export interface Groups {
  groups: RelationGroup[];
  /** The group of each annotation that has one. */
  byAnnotation: Map<string, RelationGroup>;
}

/** A key that treats "The Guardian", "guardian" and "www.guardian.example" as one outlet. */
export function outletKey(source: { id: string; outlet?: string; url?: string }): string {
  if (source.outlet?.trim())
    return `o:${foldForMatch(source.outlet)
      .replace(/^the\s+/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '')}`;
  if (source.url) {
    try {
      return `h:${new URL(source.url).hostname.replace(/^www\./, '')}`;
    } catch {
      // not a URL: fall through to the source itself
    }
  }
  return `s:${source.id}`;
}

export function computeGroups(input: GroupInput): Groups {
  const types = new Set<RelationType>(input.types ?? RELATION_TYPES);
  const sourceOf = new Map<string, string>();
  for (const a of input.annotations) sourceOf.set(a.id, a.sourceId);
  const sources = new Map<string, { id: string; outlet?: string; url?: string }>();
  for (const s of input.sources) sources.set(s.id, s);

  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const r of input.relations) {
    if (!types.has(r.type) || !sourceOf.has(r.from) || !sourceOf.has(r.to)) continue;
    for (const id of [r.from, r.to]) if (!parent.has(id)) parent.set(id, id);
    const a = find(r.from);
    const b = find(r.to);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const list = members.get(root);
    if (list) list.push(id);
    else members.set(root, [id]);
  }
  const groups: RelationGroup[] = [];
  const byAnnotation = new Map<string, RelationGroup>();
  for (const ids of members.values()) {
    ids.sort();
    const sourceIds = [...new Set(ids.map((id) => sourceOf.get(id)!))].sort();
    const outlets = new Set(sourceIds.map((id) => outletKey(sources.get(id) ?? { id })));
    const group: RelationGroup = {
      id: `grp_${ids[0]}`,
      annotationIds: ids,
      sourceIds,
      independentSources: outlets.size,
    };
    groups.push(group);
    for (const id of ids) byAnnotation.set(id, group);
  }
  groups.sort((a, b) => b.annotationIds.length - a.annotationIds.length || a.id.localeCompare(b.id));
  return { groups, byAnnotation };
}

// ---------------------------------------------------------------- discrepancies

export interface GroupMember {
  annotationId: string;
  text: string;
  outlet?: string;
  /** ISO 639-1 code of the text (for stemming the words around numbers); default "en". */
  language?: string;
  /** Actors the annotation is linked to, besides those named in its text. */
  actorIds?: string[];
}

export interface DiscrepancyOptions {
  /** Actors with aliases, to find named actors in every language. */
  actors?: readonly Actor[];
}

interface NumberMention {
  member: number;
  value: number;
  text: string;
  context: Set<string>;
}

/** Numbers, dates and actors that differ between members of one group, side by side. */
export function findDiscrepancies(members: readonly GroupMember[], options: DiscrepancyOptions = {}): Discrepancy[] {
  const out: Discrepancy[] = [];
  if (members.length < 2) return out;
  const analysed = members.map((m) => {
    const lang = m.language ?? 'en';
    const tokens = tokenize(m.text);
    return { m, lang, tokens, quantities: extractCounts(m.text, lang, tokens), dates: extractDates(m.text, tokens) };
  });

  // numbers: pair the numbers that count the same thing (shared words around them)
  const mentions: NumberMention[] = [];
  analysed.forEach((a, member) => {
    for (const q of a.quantities) {
      // what is counted: the first content words after the number ("14 people were injured"), else the one before
      const after = a.tokens.findIndex((t) => t.start >= q.end);
      const before = a.tokens.findIndex((t) => t.start >= q.start) - 1;
      const context = new Set<string>();
      const termsOf = (k: number) =>
        a.tokens[k]
          ? wordTerms(a.tokens[k]!.text, a.lang, a.tokens[k]!.numeric).filter((t) => !isCanonicalTerm(t))
          : [];
      for (let k = after; k >= 0 && k < after + 3 && context.size < 2; k++) termsOf(k).forEach((t) => context.add(t));
      if (context.size === 0 && before >= 0) termsOf(before).forEach((t) => context.add(t));
      mentions.push({ member, value: q.value, text: q.text, context });
    }
  });
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < mentions.length; i++)
    for (let j = i + 1; j < mentions.length; j++) {
      if (mentions[i]!.member === mentions[j]!.member) continue;
      for (const c of mentions[i]!.context)
        if (mentions[j]!.context.has(c)) {
          parent[find(i)] = find(j);
          break;
        }
    }
  const clusters = new Map<number, number[]>();
  mentions.forEach((_, i) => {
    const r = find(i);
    clusters.set(r, [...(clusters.get(r) ?? []), i]);
  });
  const clustered = new Set<number>();
  const emitNumbers = (ids: number[], about: string) => {
    const perMember = new Map<number, NumberMention>();
    for (const i of ids) if (!perMember.has(mentions[i]!.member)) perMember.set(mentions[i]!.member, mentions[i]!);
    if (perMember.size < 2 || new Set([...perMember.values()].map((x) => x.value)).size < 2) return;
    out.push({
      kind: 'number',
      about,
      values: [...perMember.values()].map((x) => ({
        annotationId: members[x.member]!.annotationId,
        outlet: members[x.member]!.outlet,
        value: String(x.value),
        text: x.text,
      })),
    });
  };
  for (const ids of clusters.values()) {
    const memberSet = new Set(ids.map((i) => mentions[i]!.member));
    if (memberSet.size < 2) continue;
    ids.forEach((i) => clustered.add(i));
    const counts = new Map<string, number>();
    for (const i of ids) for (const c of mentions[i]!.context) counts.set(c, (counts.get(c) ?? 0) + 1);
    const about = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'number';
    emitNumbers(ids, about);
  }
  // members in other languages share no words: compare their single remaining numbers
  const lone = new Map<number, number[]>();
  mentions.forEach((x, i) => {
    if (!clustered.has(i)) lone.set(x.member, [...(lone.get(x.member) ?? []), i]);
  });
  const hasClustered = new Set([...clustered].map((i) => mentions[i]!.member));
  const singles = [...lone.entries()]
    .filter(([member, ids]) => ids.length === 1 && !hasClustered.has(member))
    .map(([, ids]) => ids[0]!);
  if (singles.length >= 2) emitNumbers(singles, 'number');

  // weekdays and dates
  const weekdays = analysed
    .map((a, i) => ({ i, d: a.dates.find((d) => d.kind === 'weekday') }))
    .filter((x): x is { i: number; d: NonNullable<typeof x.d> } => !!x.d);
  if (new Set(weekdays.map((x) => x.d.value)).size > 1)
    out.push({
      kind: 'weekday',
      about: 'weekday',
      values: weekdays.map((x) => ({
        annotationId: members[x.i]!.annotationId,
        outlet: members[x.i]!.outlet,
        value: describeDateValue(x.d.value),
        text: x.d.text,
      })),
    });
  const dated = analysed
    .map((a, i) => ({ i, d: a.dates.find((d) => d.kind === 'date') }))
    .filter((x): x is { i: number; d: NonNullable<typeof x.d> } => !!x.d);
  if (dated.some((x, k) => dated.slice(k + 1).some((y) => datesDiffer(x.d.value, y.d.value))))
    out.push({
      kind: 'date',
      about: 'date',
      values: dated.map((x) => ({
        annotationId: members[x.i]!.annotationId,
        outlet: members[x.i]!.outlet,
        value: describeDateValue(x.d.value),
        text: x.d.text,
      })),
    });

  // actors: one member names an actor of a kind that no other member names, where others name another
  const actors = options.actors ?? [];
  if (actors.length) {
    const matcher = new AliasMatcher(actors);
    const byId = new Map(actors.map((a) => [a.id, a]));
    const named = members.map((m) => {
      const found = new Map<string, string>();
      for (const hit of matcher.find(m.text)) if (!found.has(hit.actorId)) found.set(hit.actorId, hit.text);
      for (const id of m.actorIds ?? []) if (byId.has(id) && !found.has(id)) found.set(id, byId.get(id)!.name);
      return found;
    });
    const kinds = new Set(actors.map((a) => a.kind));
    for (const kind of kinds) {
      const sets = named.map((found) => new Set([...found.keys()].filter((id) => byId.get(id)!.kind === kind)));
      const naming = sets.map((s, i) => ({ s, i })).filter((x) => x.s.size > 0);
      if (naming.length < 2) continue;
      const exclusive = naming.some(({ s, i }) => [...s].some((id) => naming.every((o) => o.i === i || !o.s.has(id))));
      const differ = naming.some(({ s }) => naming.some((o) => [...o.s].some((id) => !s.has(id))));
      if (!exclusive || !differ) continue;
      out.push({
        kind: 'actor',
        about: kind,
        values: naming.map(({ s, i }) => ({
          annotationId: members[i]!.annotationId,
          outlet: members[i]!.outlet,
          value: [...s]
            .map((id) => byId.get(id)!.name)
            .sort()
            .join(', '),
          text: [...s].map((id) => named[i]!.get(id)!).join(', '),
        })),
      });
    }
  }
  return out;
}
