/**
 * Corroboration ("who else reports this?"): passages in other sources that
 * may report the same thing as an annotation, found through the search
 * index's postings and ranked sentence by sentence on shared rare words,
 * actors (through any alias), numbers and dates.
 */
import type { CorroborationHit } from '../../../shared/api/search';
import { DossierError } from '../../../shared/errors';
import { extractCounts, extractDates, tokenize, type AliasMatcher, type Quantity } from '../../../shared/text';
import { analyze, isCanonicalTerm, wordTerms } from './analyzer';
import type { IndexContents, SourceEntry } from './index-format';
import { Field, roundScore as round, type TermIndex } from './term-index';

export interface CorroborateOptions {
  limit?: number;
  /** Passages per other source (default 1: the best one). */
  perSource?: number;
}

/** What corroboration reads of the index. */
export interface CorroborationView extends IndexContents {
  readonly idx: TermIndex;
  readonly matcher: AliasMatcher;
  paragraphOf(key: string): { source: SourceEntry; range: [number, number] } | undefined;
}

/** Sentences: ends at . ! ? (with closing quotes) before a space and a capital, digit or quote; or a line break. */
function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // The lookbehind starts a match only at the first mark of a run (a later one would fail the same way).
  const re = /(?<![.!?…])[.!?…]+["”’)»]*\s+(?=[\p{Lu}\p{N}"“„«])|\n+/gu;
  let start = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push([a, b]);
  };
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].trimEnd().length;
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

interface SentenceInfo {
  words: Set<string>;
  actors: Set<string>;
  counts: Quantity[];
  dates: Set<string>;
}

/**
 * Passages in other sources that may report the same thing as an
 * annotation, best first: word overlap (BM25 over stemmed, folded terms),
 * actors named through any alias, numbers and dates in common.
 */
export function corroborate(
  index: CorroborationView,
  annotationId: string,
  options: CorroborateOptions = {},
): CorroborationHit[] {
  const limit = options.limit ?? 10;
  const perSource = options.perSource ?? 1;
  const ann = index.annotations.get(annotationId);
  if (!ann) throw DossierError.of('not-found', 'search.annotationSearchIndex', { annotationId });
  const lang = index.sources.get(ann.sourceId)?.language ?? 'und';
  const quote = ann.exact;
  const quoteTokens = tokenize(quote);
  const terms = analyze(quote, lang);
  const wordTermSet = new Set(terms.filter((t) => !isCanonicalTerm(t)));
  const canonical = new Set(terms.filter(isCanonicalTerm));

  const actorIds = new Set([...ann.actorIds.filter((id) => index.actors.has(id)), ...index.matcher.actorIds(quote)]);
  const aliasTerms = new Set<string>();
  const langs = new Set(['en', ...index.languages.keys()]);
  for (const id of actorIds) {
    const actor = index.actors.get(id)!;
    for (const name of [actor.name, ...actor.aliases])
      for (const l of langs) for (const t of analyze(name, l)) aliasTerms.add(t);
  }
  const quantities = extractCounts(quote, lang, quoteTokens);
  const numberValues = new Set(quantities.map((q) => q.value));
  const dates = extractDates(quote, quoteTokens);
  const dateValues = new Set(dates.map((d) => d.value));
  for (const q of quantities) canonical.add(String(q.value));

  // Retrieval uses the rarer words only: very common ones add cost, not evidence.
  const docs = Math.max(1, index.idx.documentCount);
  const common = Math.max(50, docs * 0.08);
  const rare = (list: Iterable<string>, max: number) =>
    [...list]
      .map((t) => [t, index.idx.docFrequency(t)] as const)
      .filter(([, df]) => df > 0 && df <= common)
      .sort((a, b) => a[1] - b[1])
      .slice(0, max)
      .map(([t]) => t);
  const wordQuery = rare(wordTermSet, 16);
  const aliasQuery = rare(aliasTerms, 24);
  const numberQuery = rare(canonical, 8);

  const ownSource = ann.sourceId;
  const ownIndex =
    index.sources.get(ownSource)?.paragraphs.findIndex(([a, b]) => ann.start >= a && ann.start < b) ?? -1;
  // the annotation's own paragraph scores what a passage holding every word of the quote would
  const ownDoc = `p:${ownSource}:${ownIndex}`;
  const ownPrefix = `p:${ownSource}:`;
  const paragraphFilter = (key: string) => key.startsWith('p:') && (!key.startsWith(ownPrefix) || key === ownDoc);
  const allTerms = [...new Set([...wordQuery, ...aliasQuery, ...numberQuery])];
  if (allTerms.length === 0) return [];
  const lexical = index.idx.score(
    allTerms.map((t) => [{ term: t, boost: isCanonicalTerm(t) ? 1.5 : 1 }]),
    { mode: 'OR', fields: { [Field.Text]: 1 }, filter: paragraphFilter },
  );
  const lexicalScore = new Map<string, number>();
  for (const r of lexical) lexicalScore.set(r.key, r.score);
  const self = lexicalScore.get(ownDoc) ?? lexical[0]?.score ?? 1;
  const candidates = new Map<string, number>();
  for (const r of lexical) {
    if (candidates.size >= 40) break;
    if (r.key !== ownDoc) candidates.set(r.key, r.score);
  }
  // passages that share an actor and a number or date, however few words they share
  if (aliasQuery.length && numberQuery.length) {
    const linked = index.idx.score([aliasQuery.map((term) => ({ term })), numberQuery.map((term) => ({ term }))], {
      mode: 'AND',
      fields: { [Field.Text]: 1 },
      filter: paragraphFilter,
    });
    let added = 0;
    for (const r of linked) {
      if (added >= 20) break;
      if (r.key === ownDoc || candidates.has(r.key)) continue;
      candidates.set(r.key, lexicalScore.get(r.key) ?? r.score * 0.5);
      added++;
    }
  }

  const quoteSentences = Math.max(1, Math.min(3, sentenceRanges(quote).length));
  const scored: CorroborationHit[] = [];
  for (const [key, bm25] of candidates) {
    const loc = index.paragraphOf(key);
    if (!loc) continue;
    const { source: s, range } = loc;
    const para = s.text.slice(range[0], range[1]);
    // analyse the paragraph once, then share the findings out to its sentences
    const toks = tokenize(para);
    const actorHits = actorIds.size ? index.matcher.find(para).filter((m) => actorIds.has(m.actorId)) : [];
    const counts = numberValues.size
      ? extractCounts(para, s.language, toks).filter((q) => numberValues.has(q.value))
      : [];
    const dateHits = dateValues.size ? extractDates(para, toks).filter((d) => dateValues.has(d.value)) : [];
    const sentences = sentenceRanges(para);
    const info: SentenceInfo[] = [];
    for (const [a, b] of sentences) {
      const x: SentenceInfo = { words: new Set(), actors: new Set(), counts: [], dates: new Set() };
      for (const t of toks) {
        if (t.start < a || t.end > b) continue;
        for (const term of wordTerms(t.text, s.language, t.numeric)) if (wordTermSet.has(term)) x.words.add(term);
      }
      for (const m of actorHits) if (m.start >= a && m.end <= b) x.actors.add(m.actorId);
      for (const q of counts) if (q.start >= a && q.end <= b) x.counts.push(q);
      for (const d of dateHits) if (d.start >= a && d.end <= b) x.dates.add(d.value);
      info.push(x);
    }
    let best:
      | {
          score: number;
          from: number;
          to: number;
          words: number;
          actors: Set<string>;
          numbers: Set<string>;
          dates: Set<string>;
        }
      | undefined;
    const width = Math.min(quoteSentences, sentences.length);
    for (let i = 0; i + width <= sentences.length; i++) {
      const words = new Set<string>();
      const actors = new Set<string>();
      const numbers = new Set<string>();
      const numberVals = new Set<number>();
      const datesHit = new Set<string>();
      for (let k = i; k < i + width; k++) {
        const x = info[k]!;
        for (const w of x.words) words.add(w);
        for (const id of x.actors) actors.add(id);
        for (const q of x.counts) {
          numbers.add(q.text);
          numberVals.add(q.value);
        }
        for (const d of x.dates) datesHit.add(d);
      }
      const wordShare = wordTermSet.size ? words.size / wordTermSet.size : 0;
      const actorShare = actorIds.size ? actors.size / actorIds.size : 0;
      const numberShare = numberValues.size ? numberVals.size / numberValues.size : 0;
      const dateShare = dateValues.size ? datesHit.size / dateValues.size : 0;
      const score = 0.5 * Math.min(1, bm25 / self) + wordShare + 0.6 * actorShare + 0.6 * numberShare + 0.3 * dateShare;
      if (!best || score > best.score)
        best = { score, from: i, to: i + width - 1, words: wordShare, actors, numbers, dates: datesHit };
    }
    if (!best) continue;
    const start = range[0] + sentences[best.from]![0];
    const end = range[0] + sentences[best.to]![1];
    scored.push({
      sourceId: s.id,
      start,
      end,
      text: s.text.slice(start, end),
      score: round(best.score),
      matched: {
        words: round(best.words),
        actorIds: [...best.actors],
        numbers: [...best.numbers],
        dates: [...best.dates],
      },
    });
  }
  scored.sort((a, b) => b.score - a.score || a.sourceId.localeCompare(b.sourceId) || a.start - b.start);
  const perSourceCount = new Map<string, number>();
  const out: CorroborationHit[] = [];
  for (const hit of scored) {
    const n = perSourceCount.get(hit.sourceId) ?? 0;
    if (n >= perSource) continue;
    perSourceCount.set(hit.sourceId, n + 1);
    out.push(hit);
    if (out.length >= limit) break;
  }
  return out;
}
