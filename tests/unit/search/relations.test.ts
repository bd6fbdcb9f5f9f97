import { describe, expect, it } from 'vitest';
import { computeGroups, findDiscrepancies, outletKey } from '../../../main/services/search';
import type { Relation } from '../../../shared/model';
import { actors } from './corpus';

const rel = (id: string, from: string, to: string, type: Relation['type'] = 'corroborates'): Relation => ({
  id,
  from,
  to,
  type,
});

describe('computeGroups', () => {
  const sources = [
    { id: 's1', outlet: 'Northern Courier' },
    { id: 's2', outlet: 'The Northern Courier' }, // same outlet, another article
    { id: 's3', outlet: 'Baltic Wire' },
    { id: 's4' }, // no outlet: counts as its own
    { id: 's5', url: 'https://www.dagblad.example/a/1' },
    { id: 's6', url: 'https://dagblad.example/b/2' },
  ];
  const annotations = [
    { id: 'a1', sourceId: 's1' },
    { id: 'a2', sourceId: 's2' },
    { id: 'a3', sourceId: 's3' },
    { id: 'a4', sourceId: 's4' },
    { id: 'a5', sourceId: 's5' },
    { id: 'a6', sourceId: 's6' },
    { id: 'a7', sourceId: 's1' },
  ];

  it('joins claims through any chain of relations and counts distinct outlets', () => {
    const { groups, byAnnotation } = computeGroups({
      relations: [
        rel('r1', 'a1', 'a2'),
        rel('r2', 'a2', 'a3', 'contradicts'),
        rel('r3', 'a3', 'a4', 'elaborates'),
        rel('r4', 'a5', 'a6'),
      ],
      annotations,
      sources,
    });
    expect(groups.map((g) => g.annotationIds)).toEqual([
      ['a1', 'a2', 'a3', 'a4'],
      ['a5', 'a6'],
    ]);
    expect(groups[0]!.sourceIds).toEqual(['s1', 's2', 's3', 's4']);
    expect(groups[0]!.independentSources).toBe(3); // Northern Courier twice
    expect(groups[1]!.independentSources).toBe(1); // one web host
    expect(byAnnotation.get('a4')).toBe(groups[0]);
    expect(byAnnotation.has('a7')).toBe(false);
  });

  it('can restrict the relation types, and ignores relations to unknown claims', () => {
    const { groups } = computeGroups({
      relations: [rel('r1', 'a1', 'a3'), rel('r2', 'a3', 'a4', 'contradicts'), rel('r3', 'a4', 'gone')],
      annotations,
      sources,
      types: ['corroborates'],
    });
    expect(groups.map((g) => g.annotationIds)).toEqual([['a1', 'a3']]);
    expect(groups[0]!.independentSources).toBe(2);
  });

  it('normalises outlet names', () => {
    expect(outletKey({ id: 'x', outlet: 'The Guardian' })).toBe(outletKey({ id: 'y', outlet: 'guardian' }));
    expect(outletKey({ id: 'x' })).not.toBe(outletKey({ id: 'y' }));
  });
});

describe('findDiscrepancies', () => {
  it('flags differing counts of the same thing', () => {
    const found = findDiscrepancies([
      {
        annotationId: 'a1',
        outlet: 'Northern Courier',
        text: 'Outside the hall, 14 people were injured when police cleared the protest.',
      },
      {
        annotationId: 'a2',
        outlet: 'Baltic Wire',
        text: 'Fourteen people were injured as police broke up a demonstration.',
      },
      { annotationId: 'a3', outlet: 'Evening Post', text: 'Forty people were injured in the clashes.' },
    ]);
    const numbers = found.filter((d) => d.kind === 'number');
    expect(numbers).toHaveLength(1);
    expect(numbers[0]!.values.map((v) => [v.annotationId, v.value, v.text])).toEqual([
      ['a1', '14', '14'],
      ['a2', '14', 'Fourteen'],
      ['a3', '40', 'Forty'],
    ]);
  });

  it('does not flag the same number written differently, nor unrelated numbers', () => {
    expect(
      findDiscrepancies([
        { annotationId: 'a1', text: '14 people were injured.' },
        { annotationId: 'a2', text: 'Fourteen people were injured on the quay.' },
        { annotationId: 'a3', language: 'sv', text: 'Fjorton personer skadades.' },
      ]),
    ).toEqual([]);
    expect(
      findDiscrepancies([
        { annotationId: 'a1', text: '14 people were injured and 3 boats sank.' },
        { annotationId: 'a2', text: '14 people were injured; 200 fishermen protested.' },
      ]),
    ).toEqual([]);
  });

  it('compares numbers across languages when each member states one', () => {
    const found = findDiscrepancies([
      { annotationId: 'a1', language: 'sv', text: 'Utanför hallen skadades 14 personer.' },
      { annotationId: 'a2', language: 'de', text: 'Bei der Demonstration wurden vierzig Menschen verletzt.' },
    ]);
    expect(found.map((d) => [d.kind, d.values.map((v) => v.value)])).toEqual([['number', ['14', '40']]]);
  });

  it('flags weekdays and dates that differ', () => {
    const found = findDiscrepancies([
      { annotationId: 'a1', text: 'The accord was signed on Monday, 14 October 2024.' },
      { annotationId: 'a2', language: 'sv', text: 'Avtalet undertecknades på måndagen den 14 oktober.' },
      { annotationId: 'a3', text: 'The accord was signed on Tuesday, 15 October 2024.' },
    ]);
    const weekday = found.find((d) => d.kind === 'weekday')!;
    expect(weekday.values.map((v) => v.value)).toEqual(['Monday', 'Monday', 'Tuesday']);
    const date = found.find((d) => d.kind === 'date')!;
    expect(date.values.map((v) => v.value)).toEqual(['2024-10-14', '10-14', '2024-10-15']);
    expect(
      findDiscrepancies([
        { annotationId: 'a1', text: 'Signed on Monday.' },
        { annotationId: 'a2', language: 'de', text: 'Am Montag unterzeichnet.' },
      ]),
    ).toEqual([]);
  });

  it('flags an outlet naming a different actor than the others, through aliases', () => {
    const found = findDiscrepancies(
      [
        { annotationId: 'a1', outlet: 'Northern Courier', text: 'China and Russia signed the agreement.' },
        {
          annotationId: 'a2',
          outlet: 'Dagbladet Norrland',
          language: 'sv',
          text: 'Kina och Ryssland undertecknade avtalet.',
        },
        { annotationId: 'a3', outlet: 'Evening Post', text: 'China and Iran signed the agreement.' },
      ],
      { actors },
    );
    const actor = found.find((d) => d.kind === 'actor')!;
    expect(actor.about).toBe('state');
    expect(actor.values.map((v) => [v.annotationId, v.value])).toEqual([
      ['a1', 'China, Russia'],
      ['a2', 'China, Russia'],
      ['a3', 'China, Iran'],
    ]);
    expect(actor.values[1]!.text).toBe('Kina, Ryssland');
    // members that agree, in any language, raise nothing
    expect(
      findDiscrepancies(
        [
          { annotationId: 'a1', text: 'China and Russia signed the agreement.' },
          { annotationId: 'a2', language: 'de', text: 'China und Russland unterzeichneten das Abkommen.' },
        ],
        { actors },
      ),
    ).toEqual([]);
  });

  it('needs two members', () => {
    expect(findDiscrepancies([{ annotationId: 'a1', text: '14 injured on Monday' }])).toEqual([]);
  });
});
