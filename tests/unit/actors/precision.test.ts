import { describe, expect, it } from 'vitest';
import { suggestActors } from '../../../main/services/actors/detect';
import { normaliseAlias } from '../../../shared/actors';
import { fixture, labelled } from './fixtures';

/**
 * Precision and recall per (article, actor) pair on the labelled fictional set
 * in tests/fixtures/actors/labelled.json (7 articles in English, Swedish,
 * German, French and Spanish about two fictional events).
 */
describe('precision and recall on the labelled set', () => {
  const gold = labelled();
  const sources = gold.map((g) => fixture(g.file, g.language));
  const suggestions = suggestActors({ sources, actors: [], rejected: [] });

  it('finds every labelled actor in its article and little else (≥ 0.9 each)', () => {
    let tp = 0;
    const misses: string[] = [];
    const extras: string[] = [];
    for (const g of gold) {
      const id = g.file.replace(/\.txt$/, '');
      const want = new Set(g.actors.map(normaliseAlias));
      const got = new Set(suggestions.filter((s) => s.sourceIds.includes(id)).map((s) => normaliseAlias(s.name)));
      for (const w of want) {
        if (got.has(w)) tp++;
        else misses.push(`${g.file}: ${w}`);
      }
      for (const w of got) if (!want.has(w)) extras.push(`${g.file}: ${w}`);
    }
    const precision = tp / (tp + extras.length);
    const recall = tp / (tp + misses.length);
    console.log(
      `actors: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${tp} found, ${extras.length} extra, ${misses.length} missed)`,
    );
    if (misses.length) console.log('missed:', misses);
    if (extras.length) console.log('extra:', extras);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('names each actor once across the whole set', () => {
    const names = suggestions.map((s) => normaliseAlias(s.name));
    expect(new Set(names).size).toBe(names.length);
    // The same person in three languages: one suggestion carrying the three articles.
    const okonjo = suggestions.find((s) => s.name === 'Amara Okonjo')!;
    expect(okonjo.sourceIds.sort()).toEqual(['en-trade', 'es-trade', 'sv-trade']);
    const wto = suggestions.find((s) => s.name === 'World Trade Organization')!;
    expect(wto.aliasesSeen).toEqual(
      expect.arrayContaining([
        'World Trade Organization',
        'WTO',
        'Världshandelsorganisationen',
        'OMC',
        'Organización Mundial del Comercio',
      ]),
    );
    // "Canadá" folds into "Canada" (forms are compared without diacritics); "Japón" does not fold into "Japan".
    expect(suggestions.find((s) => s.name === 'Canada')!.aliasesSeen.sort()).toEqual(['Canada', 'Kanada', 'Ottawa']);
    expect(suggestions.find((s) => s.name === 'Japan')!.aliasesSeen.sort()).toEqual(['Japan', 'Japón', 'Tokyo']);
  });
});
