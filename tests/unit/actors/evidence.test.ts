import { describe, expect, it } from 'vitest';
import { suggestActors } from '../../../main/services/actors/detect';
import type { ActorSuggestion } from '../../../shared/actors';
import { fixture } from './fixtures';

/** Kinds from evidence, spans and word lists, on the fictional harbour articles (English and Swedish). */
const run = (sources: Array<{ id: string; text: string; language: string }>) =>
  suggestActors({ sources, actors: [], rejected: [] });
const byName = (list: ActorSuggestion[], name: string) => list.find((s) => s.name === name);
const names = (list: ActorSuggestion[]) => list.map((s) => s.name);

describe('actor detection: evidence, spans and word lists', () => {
  const en = fixture('en-harbour.txt');
  const sv = fixture('sv-harbour.txt');
  const both = run([en, sv]);

  it('suggests a company on the maintained list although a stop-word list holds its name (English and Swedish)', () => {
    const ms = byName(both, 'Microsoft');
    expect(ms?.kind).toBe('organisation');
    expect(ms?.sourceIds.sort()).toEqual(['en-harbour', 'sv-harbour']);
    // The Swedish genitive "Microsofts" is the same company.
    expect(ms?.aliasesSeen).not.toContain('Microsofts');
    expect(ms?.occurrences.some((o) => o.surface === 'Microsofts')).toBe(true);
  });

  it('makes two capitalised words an organisation without person evidence, a person with it', () => {
    expect(byName(both, 'Quayside Herald')?.kind).toBe('organisation');
    expect(byName(both, 'Silver Fern Partners')?.kind).toBe('organisation');
    expect(byName(both, 'Ashcombe Marine')?.kind).toBe('organisation');
    // A given name (faker's lists: "Mette" is Danish), a title ("Dr"), "says" beside the name.
    expect(byName(both, 'Mette Kjær')?.kind).toBe('person');
    expect(byName(both, 'Irene Castell')?.kind).toBe('person');
    expect(byName(both, 'Lena Moberg')?.kind).toBe('person');
    // "Kajkanten, en lokal nyhetsblogg": one word, an organisation by its apposition.
    expect(byName(both, 'Kajkanten')?.kind).toBe('organisation');
    // Swedish compounds ending in an organisation word.
    expect(byName(both, 'Sjösäkerhetsmyndigheten')?.kind).toBe('organisation');
    expect(byName(both, 'Infrastrukturdepartementet')?.kind).toBe('organisation');
  });

  it('cuts possessives: "X\'s Chief Executive" is X, "X\'s Contract" is X, Swedish "Xs avtal" is X', () => {
    const all = names(both);
    expect(all).toContain('Ashcombe Marine');
    expect(all.filter((n) => /Ashcombe/.test(n))).toEqual(['Ashcombe Marine']);
    expect(all.some((n) => /Chief|Contract/.test(n))).toBe(false);
    expect(byName(both, 'Ashcombe Marine')!.sourceIds.sort()).toEqual(['en-harbour', 'sv-harbour']);
  });

  it('keeps a titled name with "for" and "and" whole, in English and in Swedish', () => {
    expect(byName(both, 'Coalition for Clean Harbours and Open Data')?.kind).toBe('organisation');
    expect(names(both).some((n) => n === 'Open Data' || n === 'Coalition for Clean Harbours')).toBe(false);
    expect(byName(both, 'Koalitionen för rena hamnar')?.kind).toBe('organisation');
    const accord = run([
      {
        id: 'a',
        language: 'en',
        text: 'The Kestrel Bay Accord for Safe Shipping and Fair Ports said on Monday that it would meet again. The Baltic Summit ended.',
      },
    ]);
    expect(names(accord)).toEqual(['Kestrel Bay Accord for Safe Shipping and Fair Ports']);
  });

  it('does not join two people with "and", nor a person with the organisation after "of"', () => {
    const s = run([
      {
        id: 'p',
        language: 'en',
        text: 'Talks were led by Ingrid Solheim and Lars Berglund on Monday. Later Irene Castell of Silver Fern Partners said the deal was fair.',
      },
    ]);
    expect(names(s).sort()).toEqual(
      ['Irene Castell', 'Ingrid Solheim', 'Lars Berglund', 'Silver Fern Partners'].sort(),
    );
  });

  it('does not make a part or role after a possessive into a name ("Microsoft\'s Cloud Unit")', () => {
    const s = run([
      {
        id: 'u',
        language: 'en',
        text: "Microsoft's Cloud Unit opened an office in the city on Monday. Analysts said Microsoft would hire more staff.",
      },
    ]);
    expect(names(s)).toEqual(['Microsoft']);
  });

  it('does not take a place named like a company for the company (a city on the cities list, or after "in")', () => {
    const s = run([
      {
        id: 'c',
        language: 'en',
        text: 'The ferry arrived in Aberdeen on Monday, two hours late. The port of Aberdeen said repairs were done. Freight from Cape Town was delayed.',
      },
    ]);
    expect(names(s)).toEqual([]);
  });
});

describe('actors of the notebook in detection', () => {
  it('files the other names of an actor that also carries a state’s name under that actor, not as a new suggestion', () => {
    const sv = fixture('sv-harbour.txt');
    const actors = [
      { id: 'act_dk', name: 'Denmark', kind: 'state' as const, aliases: [], memberOf: [] },
      // A messy registry: "Danmark" (Denmark's Swedish name) is also an alias of another actor.
      {
        id: 'act_hd',
        name: 'Harbour Desk',
        kind: 'organisation' as const,
        aliases: ['Danmark', 'Kajkanten'],
        memberOf: [],
      },
    ];
    const found = suggestActors({ sources: [sv], actors, rejected: [] });
    expect(found.find((s) => s.name === 'Kajkanten')).toBeUndefined();
    expect(found.find((s) => s.existingActorId === 'act_hd')?.aliasesSeen).toEqual(['Kajkanten']);
    // "Danmarks" stays the state's.
    expect(found.find((s) => s.key === 'state:dk')?.existingActorId).toBe('act_dk');
  });
});
