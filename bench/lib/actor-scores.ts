/**
 * Scoring actor suggestions against gold labels (the actor benchmark and the
 * held-out test): precision and recall per (article, actor) pair, kind
 * accuracy, span accuracy and split actors.
 */
import type { ActorSuggestion } from '../../shared/actors';
import { normaliseAlias } from '../../shared/actors';

export interface GoldArticle {
  id: string;
  gold: Set<string>;
}

type Scored = Pick<ActorSuggestion, 'name' | 'sourceIds'>;

/** Normalised suggestion names per source. */
function namesBySource(suggestions: readonly Scored[]): Map<string, Set<string>> {
  const bySource = new Map<string, Set<string>>();
  for (const s of suggestions)
    for (const id of s.sourceIds) {
      let set = bySource.get(id);
      if (!set) bySource.set(id, (set = new Set()));
      set.add(normaliseAlias(s.name));
    }
  return bySource;
}

/** Precision and recall per (article, actor) pair; a suggestion counts by its name. */
export function score(suggestions: readonly Scored[], gold: readonly GoldArticle[]) {
  const bySource = namesBySource(suggestions);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const extras = new Map<string, number>();
  const misses = new Map<string, number>();
  for (const g of gold) {
    const want = new Set([...g.gold].map(normaliseAlias));
    const got = bySource.get(g.id) ?? new Set();
    for (const w of want)
      if (got.has(w)) tp++;
      else {
        fn++;
        misses.set(w, (misses.get(w) ?? 0) + 1);
      }
    for (const w of got)
      if (!want.has(w)) {
        fp++;
        extras.set(w, (extras.get(w) ?? 0) + 1);
      }
  }
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), tp, fp, fn, extras, misses };
}

/** Of the suggestions that name a labelled actor, the share with the labelled kind, and the wrong ones. */
export function kindAccuracy(
  suggestions: ReadonlyArray<Pick<ActorSuggestion, 'name' | 'kind'>>,
  kinds: ReadonlyMap<string, string>,
): { accuracy: number; judged: number; wrong: string[] } {
  const byName = new Map([...kinds].map(([n, k]) => [normaliseAlias(n), k]));
  const judged = suggestions.filter((s) => byName.has(normaliseAlias(s.name)));
  const wrong = judged
    .filter((s) => byName.get(normaliseAlias(s.name)) !== s.kind)
    .map((s) => `${s.name} as ${s.kind}`);
  return { accuracy: judged.length ? (judged.length - wrong.length) / judged.length : 1, judged: judged.length, wrong };
}

/**
 * Span accuracy: of the names found in an article that share a word with one
 * of its labelled actors (or their aliases), the share that is exactly a
 * labelled name or alias. "Tidewater Freight's Chief", "Alliance" cut from
 * "Alliance for Safe Shipping" and "Logistics' Contract" are wrong spans.
 */
export function spanAccuracy(
  suggestions: readonly Scored[],
  gold: readonly GoldArticle[],
  aliases: ReadonlyMap<string, readonly string[]>,
): { accuracy: number; judged: number; wrong: string[] } {
  const bySource = namesBySource(suggestions);
  let judged = 0;
  const wrong: string[] = [];
  for (const g of gold) {
    const forms = new Set<string>();
    for (const name of g.gold) for (const f of [name, ...(aliases.get(name) ?? [])]) forms.add(normaliseAlias(f));
    const words = new Set([...forms].flatMap((f) => f.split(' ')).filter((w) => w.length > 2));
    for (const got of bySource.get(g.id) ?? []) {
      if (!got.split(' ').some((w) => words.has(w))) continue;
      judged++;
      if (!forms.has(got)) wrong.push(`${g.id}: ${got}`);
    }
  }
  return { accuracy: judged ? (judged - wrong.length) / judged : 1, judged, wrong };
}

/**
 * Split actors: labelled actors that two or more suggestions stand for (by
 * name or alias), e.g. an accepted actor and a second suggestion named by its
 * Swedish name.
 */
export function splitActors(
  suggestions: ReadonlyArray<Pick<ActorSuggestion, 'key' | 'name'>>,
  names: Iterable<string>,
  aliases: ReadonlyMap<string, readonly string[]>,
): string[] {
  const out: string[] = [];
  for (const name of names) {
    const forms = new Set([name, ...(aliases.get(name) ?? [])].map(normaliseAlias));
    const keys = new Set(suggestions.filter((s) => forms.has(normaliseAlias(s.name))).map((s) => s.key));
    if (keys.size > 1) out.push(`${name} ×${keys.size}`);
  }
  return out;
}
