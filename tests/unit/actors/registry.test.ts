import { describe, expect, it } from 'vitest';
import {
  acceptSuggestion,
  actorDeletionImpact,
  applyActorLinkPlan,
  deleteActor,
  mergeActors,
  rejectSuggestion,
} from '../../../main/services/actors/registry';
import { DossierError } from '../../../shared/errors';
import { NotebookManifest, type Annotation } from '../../../shared/model';

const T = '2026-03-15T10:00:00.000Z';

function manifest() {
  return NotebookManifest.parse({
    schemaVersion: 1,
    id: 'nb_test',
    title: 'Baltic cables',
    createdAt: T,
    actors: [
      { id: 'a_us', name: 'United States', kind: 'state', aliases: ['USA'], color: '#1f77b4' },
      {
        id: 'a_us2',
        name: 'USA',
        kind: 'state',
        aliases: ['Förenta staterna', 'United States'],
        description: 'Duplicate created from a Swedish article',
        memberOf: ['a_nato'],
      },
      { id: 'a_nato', name: 'NATO', kind: 'igo' },
      { id: 'a_min', name: 'Jane Holloway', kind: 'person', memberOf: ['a_us2'] },
    ],
  });
}

function annotation(id: string, sourceId: string, actors: Annotation['actors']): Annotation {
  return {
    id,
    sourceId,
    kind: 'claim',
    target: { start: 0, end: 5, exact: 'abcde', prefix: '', suffix: '' },
    tagIds: [],
    status: 'unverified',
    actors,
    createdAt: T,
    updatedAt: T,
  };
}

const annotations = [
  annotation('n1', 's1', [{ actorId: 'a_us2', role: 'speaker', stance: 'supports' }]),
  annotation('n2', 's1', [
    { actorId: 'a_us', role: 'subject' },
    { actorId: 'a_us2', role: 'subject', stance: 'opposes' },
  ]),
  annotation('n3', 's2', [{ actorId: 'a_nato', role: 'mentioned' }]),
  annotation('n4', 's3', [
    { actorId: 'a_us2', role: 'mentioned' },
    { actorId: 'a_us2', role: 'speaker' },
  ]),
];

describe('acceptSuggestion / rejectSuggestion', () => {
  it('creates an actor with the surface forms as aliases (not repeating its name)', () => {
    const m = manifest();
    const {
      manifest: next,
      actor,
      created,
    } = acceptSuggestion(m, {
      name: 'China',
      kind: 'state',
      aliasesSeen: ['China', 'Kina', 'Beijing', 'Peking', 'kina'],
    });
    expect(created).toBe(true);
    expect(actor.id).toMatch(/^act_/);
    expect(actor.aliases).toEqual(['Kina', 'Beijing', 'Peking']);
    expect(next.actors).toHaveLength(m.actors.length + 1);
    expect(m.actors).toHaveLength(4); // input untouched
    expect(() => NotebookManifest.parse(next)).not.toThrow();
  });

  it('adds new surface forms to an existing actor instead of creating one', () => {
    const {
      manifest: next,
      actor,
      created,
    } = acceptSuggestion(manifest(), {
      name: 'United States',
      kind: 'state',
      aliasesSeen: ['USA', 'Washington', 'Vita huset'],
      existingActorId: 'a_us',
    });
    expect(created).toBe(false);
    expect(actor.aliases).toEqual(['USA', 'Washington', 'Vita huset']);
    expect(next.actors.find((a) => a.id === 'a_us')!.aliases).toEqual(actor.aliases);
    expect(next.actors).toHaveLength(4);
  });

  it('applies overrides the person chose', () => {
    const { actor } = acceptSuggestion(
      manifest(),
      { name: 'Jane Holloway', kind: 'organisation', aliasesSeen: ['Holloway'] },
      { kind: 'person', memberOf: ['a_us'] },
    );
    expect(actor.kind).toBe('person');
    expect(actor.memberOf).toEqual(['a_us']);
  });

  it('records a rejection once', () => {
    const once = rejectSuggestion(manifest(), 'state:cn');
    expect(once.rejectedSuggestions).toEqual(['state:cn']);
    expect(rejectSuggestion(once, 'state:cn').rejectedSuggestions).toEqual(['state:cn']);
  });
});

describe('mergeActors', () => {
  it('combines aliases, memberOf, description and rewires other actors', () => {
    const { manifest: next, actor, plan } = mergeActors(manifest(), 'a_us', 'a_us2');
    expect(next.actors.map((a) => a.id)).toEqual(['a_us', 'a_nato', 'a_min']);
    expect(actor.name).toBe('United States');
    expect(actor.aliases).toEqual(['USA', 'Förenta staterna']);
    expect(actor.memberOf).toEqual(['a_nato']);
    expect(actor.description).toBe('Duplicate created from a Swedish article');
    expect(actor.color).toBe('#1f77b4');
    expect(next.actors.find((a) => a.id === 'a_min')!.memberOf).toEqual(['a_us']);
    expect(plan).toEqual({ type: 'move', from: 'a_us2', to: 'a_us' });
  });

  it('moves every link, merging duplicate roles without losing a stance', () => {
    const { plan } = mergeActors(manifest(), 'a_us', 'a_us2');
    const { annotations: out, changed } = applyActorLinkPlan(annotations, plan, '2026-04-01T00:00:00.000Z');
    expect(changed).toBe(3);
    expect(out[0]!.actors).toEqual([{ actorId: 'a_us', role: 'speaker', stance: 'supports' }]);
    expect(out[1]!.actors).toEqual([{ actorId: 'a_us', role: 'subject', stance: 'opposes' }]);
    expect(out[2]).toBe(annotations[2]); // untouched object
    expect(out[3]!.actors).toEqual([
      { actorId: 'a_us', role: 'mentioned' },
      { actorId: 'a_us', role: 'speaker' },
    ]);
    expect(out[0]!.updatedAt).toBe('2026-04-01T00:00:00.000Z');
    expect(out[2]!.updatedAt).toBe(T);
    expect(out.flatMap((a) => a.actors).some((l) => l.actorId === 'a_us2')).toBe(false);
  });

  it('refuses to merge an actor with itself or an unknown actor', () => {
    expect(() => mergeActors(manifest(), 'a_us', 'a_us')).toThrow(DossierError);
    expect(() => mergeActors(manifest(), 'a_us', 'a_nope')).toThrow(/No actor/);
  });
});

describe('deleteActor and its impact', () => {
  it('counts links, annotations, sources and memberOf references', () => {
    expect(actorDeletionImpact(manifest(), annotations, 'a_us2')).toEqual({
      links: 4,
      annotations: 3,
      sources: 2,
      memberOf: 1,
    });
    expect(actorDeletionImpact(manifest(), annotations, 'a_nato')).toEqual({
      links: 1,
      annotations: 1,
      sources: 1,
      memberOf: 1,
    });
    expect(actorDeletionImpact(manifest(), [], 'a_min')).toEqual({ links: 0, annotations: 0, sources: 0, memberOf: 0 });
  });

  it('removes the actor, its memberOf references and (through the plan) its links', () => {
    const { manifest: next, plan } = deleteActor(manifest(), 'a_us2');
    expect(next.actors.map((a) => a.id)).toEqual(['a_us', 'a_nato', 'a_min']);
    expect(next.actors.find((a) => a.id === 'a_min')!.memberOf).toEqual([]);
    const { annotations: out, changed } = applyActorLinkPlan(annotations, plan);
    expect(changed).toBe(3);
    expect(out[0]!.actors).toEqual([]);
    expect(out[1]!.actors).toEqual([{ actorId: 'a_us', role: 'subject' }]);
    expect(out[3]!.actors).toEqual([]);
    expect(() => deleteActor(manifest(), 'a_nope')).toThrow(DossierError);
  });
});
