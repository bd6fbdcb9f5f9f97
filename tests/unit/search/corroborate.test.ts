import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../main/services/search';
import { CorroborationHit } from '../../../shared/api/search';
import {
  claim,
  corpus,
  courier,
  dagblad,
  economy,
  evening,
  football,
  injuredClaim,
  rundschau,
  signedClaim,
  swedishClaim,
  wire,
} from './corpus';

describe('corroborate', () => {
  const index = SearchIndex.build(corpus());

  it('lists the same-language reports first and the other-language reports close behind', () => {
    const hits = index.corroborate(signedClaim.id);
    const order = hits.map((h) => h.sourceId);
    expect(order[0]).toBe(wire.id);
    // Swedish and German reports of the same signing come next, before unrelated articles
    expect(order.slice(1, 3).sort()).toEqual([dagblad.id, rundschau.id].sort());
    for (const unrelated of [economy.id, football.id])
      if (order.includes(unrelated)) expect(order.indexOf(unrelated)).toBeGreaterThan(3);
    expect(order).not.toContain(courier.id); // other sources only
    for (const h of hits) {
      expect(CorroborationHit.parse(h)).toEqual(h);
      expect(
        corpus()
          .sources.find((s) => s.id === h.sourceId)!
          .text.slice(h.start, h.end),
      ).toBe(h.text);
    }
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });

  it('links a cross-language pair only through actor aliases and numbers', () => {
    const sv = index.corroborate(signedClaim.id).find((h) => h.sourceId === dagblad.id)!;
    expect(sv.text).toBe(
      'Kina och Ryssland undertecknade på måndagen ett avtal om sjöfart i Arktis som omfattar sex nya isbrytare.',
    );
    expect(sv.matched.words).toBe(0);
    expect(sv.matched.actorIds.sort()).toEqual(['act_china', 'act_russia']);
    expect(sv.matched.numbers).toEqual(['sex']);
    expect(sv.matched.dates).toEqual(['wd:1']);
  });

  it('picks the matching sentence inside a longer paragraph', () => {
    const hits = index.corroborate(injuredClaim.id);
    const sv = hits.find((h) => h.sourceId === dagblad.id)!;
    expect(sv.text.startsWith('Utanför konferenshallen skadades 14 personer')).toBe(true);
    const wireHit = hits.find((h) => h.sourceId === wire.id)!;
    expect(wireHit.text.startsWith('Fourteen people were injured')).toBe(true);
    expect(wireHit.matched.numbers).toEqual(['Fourteen']);
    // a report with another number ranks below the ones that agree
    expect(hits.findIndex((h) => h.sourceId === evening.id)).toBeGreaterThan(
      hits.findIndex((h) => h.sourceId === rundschau.id),
    );
  });

  it('works from a Swedish claim towards English and German reports', () => {
    const order = index.corroborate(swedishClaim.id).map((h) => h.sourceId);
    expect(order.slice(0, 3).sort()).toEqual([courier.id, wire.id, rundschau.id].sort());
    const courierHit = index.corroborate(swedishClaim.id).find((h) => h.sourceId === courier.id)!;
    expect(courierHit.text).toContain('14 people were injured'); // not the dateline "14 October"
  });

  it('meets new aliases and new annotations incrementally', () => {
    const local = SearchIndex.build(corpus());
    const fresh = claim(
      'ann_fresh',
      evening,
      'Forty people were injured in the clashes, according to organisers of the protest.',
    );
    expect(() => local.corroborate(fresh.id)).toThrow(/No annotation/);
    local.upsertAnnotation(fresh);
    const order = local.corroborate(fresh.id).map((h) => h.sourceId);
    expect(order).toContain(wire.id);
    expect(order).not.toContain(evening.id);
  });

  it('limits results and passages per source', () => {
    expect(index.corroborate(signedClaim.id, { limit: 2 })).toHaveLength(2);
    const many = index.corroborate(signedClaim.id, { perSource: 3, limit: 50 });
    const perSource = new Map<string, number>();
    for (const h of many) perSource.set(h.sourceId, (perSource.get(h.sourceId) ?? 0) + 1);
    expect(Math.max(...perSource.values())).toBeGreaterThan(1);
    expect(Math.max(...perSource.values())).toBeLessThanOrEqual(3);
  });
});
