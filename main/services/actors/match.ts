/**
 * Matching (pass 2 of detect.ts): one left-to-right, longest-match scan of a
 * source's tokens against phrase indexes (the notebook's actors, the
 * gazetteer, the discovered names), trying genitive and inflected forms and
 * known names before a hyphen ("Nato-toppmötet").
 */
import { inflectionBases } from '../../../shared/actors';
import type { PhraseEntry, PhraseIndex } from './gazetteer';
import { norm } from './lexicon';
import type { Token } from './name-tokens';

export interface Match {
  entry: PhraseEntry;
  start: number;
  end: number;
  /** Base surface, genitive removed. */
  base: string;
}

export function entryFits(e: PhraseEntry, surfaceBase: string, lang: string): boolean {
  if (e.langs && lang !== 'und' && !e.langs.has(lang)) return false;
  if (e.acronym) {
    const letters = surfaceBase.replace(/[^\p{L}]/gu, '');
    if (letters !== letters.toUpperCase()) return false;
  } else if (e.capital && !/^\p{Lu}/u.test(surfaceBase)) return false;
  return true;
}

export function pick(indexes: PhraseIndex[], key: string, surfaceBase: string, lang: string): PhraseEntry | undefined {
  let best: PhraseEntry | undefined;
  for (const index of indexes) {
    for (const e of index.phrases.get(key) ?? []) {
      if (entryFits(e, surfaceBase, lang) && (!best || e.priority < best.priority)) best = e;
    }
  }
  return best;
}

export function matchSource(text: string, tokens: Token[], lang: string, indexes: PhraseIndex[]): Match[] {
  const out: Match[] = [];
  const MAX = 9;
  let i = 0;
  while (i < tokens.length) {
    let best: { match?: Match; blocked?: boolean; len: number } | undefined;
    let key = '';
    for (let len = 1; len <= MAX && i + len <= tokens.length; len++) {
      const t = tokens[i + len - 1]!;
      if (len > 1 && !t.joined) break;
      const prevKey = key;
      key = len === 1 ? t.norm : `${key} ${t.norm}`;
      const first = tokens[i]!;
      const surface = text.slice(first.start, t.end);
      if (indexes.some((x) => x.blocked.has(key))) best = { blocked: true, len };
      else {
        const e = pick(indexes, key, surface, lang);
        if (e) best = { match: { entry: e, start: first.start, end: t.end, base: surface }, len };
        else {
          for (const b of inflectionBases(t.text)) {
            const k2 = len === 1 ? norm(b) : `${prevKey} ${norm(b)}`;
            const base = text.slice(first.start, t.start) + b;
            const e2 = pick(indexes, k2, base, lang);
            if (e2) {
              best = { match: { entry: e2, start: first.start, end: t.end, base }, len };
              break;
            }
          }
        }
      }
      if (!indexes.some((x) => x.prefixes.has(key))) break;
    }
    if (!best) {
      // "Nato-toppmötet", "FN-chefen", "US-led": a known name before a hyphen.
      const t = tokens[i]!;
      const hy = /^([^-‑]+)[-‑]/u.exec(t.text);
      if (hy) {
        const e = pick(indexes, norm(hy[1]!), hy[1]!, lang);
        if (e && (e.acronym || e.kind === 'state' || e.kind === 'igo'))
          out.push({ entry: e, start: t.start, end: t.start + hy[1]!.length, base: hy[1]! });
      }
      i++;
      continue;
    }
    if (best.match) out.push(best.match);
    i += best.len;
  }
  return out;
}
