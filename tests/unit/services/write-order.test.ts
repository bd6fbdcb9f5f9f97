/**
 * Writes are never lost: API calls fired together (no await in between)
 * behave exactly as if they had run one after another in the order they were
 * made. A seeded fuzz fires random batches of edits to the same few records
 * and checks every call's outcome and the final state against a plain model
 * that applies them in call order.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import { unwrap } from '../../../shared/errors';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { mulberry32 } from '../../helpers/seeded-random';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function open(): Promise<NotebookSession> {
  const t = await tempDir();
  const s = await openNotebookSession(path.join(t.dir, 'order.dossier'));
  cleanups.push(t.cleanup, () => s.close());
  return s;
}

const TEXT = [
  'The minister said the harbour accord would hold.',
  'The union said the quotas were unfair.',
  'The mayor promised a new ferry line.',
  'The agency published the figures on Monday.',
].join('\n\n');

/** The notebook as the model sees it: only what the operations below change. */
interface Model {
  tags: Map<string, string>; // id → name
  actors: Map<string, { name: string; kind: string }>;
  annotations: Map<string, { status: string; tagIds: string[]; actorIds: string[] }>;
}

const key = (name: string) => name.toLowerCase();
const clone = (m: Model): Model => ({
  tags: new Map(m.tags),
  actors: new Map([...m.actors].map(([id, a]) => [id, { ...a }])),
  annotations: new Map(
    [...m.annotations].map(([id, a]) => [id, { ...a, tagIds: [...a.tagIds], actorIds: [...a.actorIds] }]),
  ),
});

/** One operation: how to call the API, and what it does to the model (throws where the API must fail). */
interface Op {
  name: string;
  call(api: Client): Promise<unknown>;
  apply(model: Model, result: unknown): void;
}

function fail(): never {
  throw new Error('expected to fail');
}

const STATUSES = ['unverified', 'verified', 'disputed'];
const TAG_NAMES = ['Energy', 'Harbour', 'Quotas', 'Ferry', 'Figures'];
const ACTOR_NAMES = ['Anna Berg', 'Per Holm', 'Harbour Union', 'City Council'];
const KINDS = ['person', 'organisation', 'other'];

function randomOp(rand: () => number, model: Model, sourceId: string, everTags: string[], everActors: string[]): Op {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const annIds = [...model.annotations.keys()];
  const tagId = () => pick(everTags);
  const actorId = () => pick(everActors);
  const kind = Math.floor(rand() * 10);
  if (kind <= 1) {
    const id = pick(annIds);
    const status = pick(STATUSES);
    return {
      name: `status ${id} ${status}`,
      call: (api) => api.updateAnnotation({ sourceId, id, patch: { status } }),
      apply: (m) => void (m.annotations.get(id)!.status = status),
    };
  }
  if (kind === 2) {
    const id = pick(annIds);
    const tagIds = [...new Set(everTags.filter(() => rand() < 0.4))];
    return {
      name: `tags ${id} ${tagIds.join(',')}`,
      call: (api) => api.updateAnnotation({ sourceId, id, patch: { tagIds } }),
      apply: (m) => {
        if (tagIds.some((t) => !m.tags.has(t))) fail();
        m.annotations.get(id)!.tagIds = tagIds;
      },
    };
  }
  if (kind === 3) {
    const id = tagId();
    const name = pick(TAG_NAMES) + (rand() < 0.5 ? '' : ' 2');
    return {
      name: `rename tag ${id} ${name}`,
      call: (api) => api.updateTag({ id, name }),
      apply: (m) => {
        if (!m.tags.has(id)) fail();
        if ([...m.tags].some(([other, n]) => other !== id && key(n) === key(name))) fail();
        m.tags.set(id, name);
      },
    };
  }
  if (kind === 4) {
    const name = pick(TAG_NAMES) + (rand() < 0.5 ? '' : ` ${Math.floor(rand() * 1000)}`);
    return {
      name: `create tag ${name}`,
      call: (api) => api.createTag({ name }),
      apply: (m, result) => {
        if ([...m.tags.values()].some((n) => key(n) === key(name))) fail();
        m.tags.set((result as { id: string }).id, name);
      },
    };
  }
  if (kind === 5) {
    const fromId = tagId();
    const intoId = tagId();
    return {
      name: `merge tag ${fromId} into ${intoId}`,
      call: (api) => api.mergeTags({ fromId, intoId }),
      apply: (m) => {
        if (fromId === intoId || !m.tags.has(fromId) || !m.tags.has(intoId)) fail();
        for (const a of m.annotations.values())
          a.tagIds = [...new Set(a.tagIds.map((t) => (t === fromId ? intoId : t)))];
        m.tags.delete(fromId);
      },
    };
  }
  if (kind === 6) {
    const id = tagId();
    return {
      name: `delete tag ${id}`,
      call: (api) => api.deleteTag({ id }),
      apply: (m) => {
        if (!m.tags.has(id)) fail();
        for (const a of m.annotations.values()) a.tagIds = a.tagIds.filter((t) => t !== id);
        m.tags.delete(id);
      },
    };
  }
  if (kind === 7) {
    const id = actorId();
    const k = pick(KINDS);
    return {
      name: `actor kind ${id} ${k}`,
      call: (api) => api.updateActor({ id, kind: k as 'person' }),
      apply: (m) => {
        if (!m.actors.has(id)) fail();
        m.actors.get(id)!.kind = k;
      },
    };
  }
  if (kind === 8) {
    const id = actorId();
    const name = pick(ACTOR_NAMES) + (rand() < 0.5 ? '' : ' Jr');
    return {
      name: `rename actor ${id} ${name}`,
      call: (api) => api.updateActor({ id, name }),
      apply: (m) => {
        if (!m.actors.has(id)) fail();
        if ([...m.actors].some(([other, a]) => other !== id && key(a.name) === key(name))) fail();
        m.actors.get(id)!.name = name;
      },
    };
  }
  const id = actorId();
  return {
    name: `delete actor ${id}`,
    call: (api) => api.deleteActor({ id }),
    apply: (m) => {
      if (!m.actors.has(id)) fail();
      for (const a of m.annotations.values()) a.actorIds = a.actorIds.filter((x) => x !== id);
      m.actors.delete(id);
    },
  };
}

/** The API as a client calls it: input before the schemas' defaults, output unwrapped. */
type Client = { [M in MethodName]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };

/** The service as a client sees it: every call through `callApi`, the one door (schemas fill in defaults). */
function client(s: NotebookSession): Client {
  return new Proxy({} as Client, {
    get: (_, method: string) => async (input: unknown) => unwrap(await callApi(s.service, method as MethodName, input)),
  });
}

async function snapshot(api: Client, sourceId: string): Promise<Model> {
  const tags = await api.listTags({});
  const actors = await api.listActors({});
  const { annotations } = await api.getSource({ id: sourceId });
  return {
    tags: new Map(tags.map((t) => [t.id, t.name])),
    actors: new Map(actors.map((a) => [a.id, { name: a.name, kind: a.kind }])),
    annotations: new Map(
      annotations.map((a) => [
        a.id,
        { status: a.status, tagIds: [...a.tagIds], actorIds: [...new Set(a.actors.map((l) => l.actorId))] },
      ]),
    ),
  };
}

const comparable = (m: Model) => ({
  tags: [...m.tags].sort(),
  actors: [...m.actors].sort(([a], [b]) => a.localeCompare(b)),
  annotations: [...m.annotations]
    .map(([id, a]) => [id, { ...a, tagIds: [...a.tagIds].sort(), actorIds: [...a.actorIds].sort() }] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
});

describe('writes fired together', () => {
  it('are applied one after another, in call order, on the latest state (seeded fuzz)', async () => {
    const s = await open();
    const api = client(s);
    await api.setStatuses({ statuses: STATUSES });
    const { added } = await api.importText({ text: TEXT, name: 'Harbour' });
    const sourceId = added[0]!.id;
    const rand = mulberry32(20261129);
    const rounds = 40;
    let failures = 0;
    for (let round = 0; round < rounds; round++) {
      // Fresh records each round, so deletes and merges keep having something to act on.
      const everTags: string[] = [];
      for (const name of ['Energy', 'Harbour', 'Quotas']) {
        const existing = (await api.listTags({})).find((t) => key(t.name) === key(name));
        everTags.push(existing?.id ?? (await api.createTag({ name })).id);
      }
      const everActors: string[] = [];
      for (const name of ['Anna Berg', 'Per Holm']) {
        const existing = (await api.listActors({})).find((a) => key(a.name) === key(name));
        everActors.push(existing?.id ?? (await api.createActor({ name, kind: 'person' })).id);
      }
      const file = await api.getSource({ id: sourceId });
      for (const [i, paragraph] of TEXT.split('\n\n').entries()) {
        if (file.annotations.length >= 4) break;
        const start = TEXT.indexOf(paragraph);
        await api.createAnnotation({
          sourceId,
          start,
          end: start + paragraph.length,
          tagIds: [everTags[i % everTags.length]!],
          actors: everActors.map((actorId) => ({ actorId, role: 'speaker' as const })),
        });
      }
      const before = await snapshot(api, sourceId);
      const ops = Array.from({ length: 12 }, () => randomOp(rand, before, sourceId, everTags, everActors));
      // All at once: no await between the calls.
      const settled = await Promise.allSettled(ops.map((op) => op.call(api)));
      const model = clone(before);
      settled.forEach((outcome, i) => {
        const op = ops[i]!;
        let expected: 'ok' | 'error' = 'ok';
        const trial = clone(model);
        try {
          op.apply(trial, outcome.status === 'fulfilled' ? outcome.value : undefined);
        } catch {
          expected = 'error';
        }
        const got = outcome.status === 'fulfilled' ? 'ok' : 'error';
        if (got !== expected) failures++;
        expect(
          got,
          `round ${round}, call ${i} (${op.name}): ${outcome.status === 'rejected' ? String(outcome.reason) : 'ok'}`,
        ).toBe(expected);
        if (expected === 'ok') op.apply(model, outcome.status === 'fulfilled' ? outcome.value : undefined);
      });
      expect(comparable(await snapshot(api, sourceId)), `state after round ${round}`).toEqual(comparable(model));
    }
    expect(failures).toBe(0);
    // What is in memory is what is on disk.
    const inMemory = comparable(await snapshot(api, sourceId));
    await s.close();
    const reopened = await openNotebookSession(s.dir);
    cleanups.push(() => reopened.close());
    expect(comparable(await snapshot(client(reopened), sourceId))).toEqual(inMemory);
  });

  it('keeps both of two stance changes on one claim made 0 ms apart (each names its link, not the whole list)', async () => {
    const s = await open();
    const api = client(s);
    const { added } = await api.importText({ text: TEXT, name: 'Harbour' });
    const sourceId = added[0]!.id;
    const anna = await api.createActor({ name: 'Anna Berg', kind: 'person' });
    const per = await api.createActor({ name: 'Per Holm', kind: 'person' });
    const claim = await api.createAnnotation({
      sourceId,
      kind: 'claim',
      start: 0,
      end: 40,
      actors: [
        { actorId: anna.id, role: 'speaker' },
        { actorId: per.id, role: 'subject', stance: 'neutral' },
      ],
    });
    const results = await Promise.all([
      api.updateAnnotation({
        sourceId,
        id: claim.id,
        patch: { stance: { actorId: anna.id, role: 'speaker', stance: 'supports' } },
      }),
      api.updateAnnotation({
        sourceId,
        id: claim.id,
        patch: { stance: { actorId: per.id, role: 'subject', stance: null } },
      }),
    ]);
    const expected = [
      { actorId: anna.id, role: 'speaker', stance: 'supports' },
      { actorId: per.id, role: 'subject' },
    ];
    expect(results[1]!.actors).toEqual(expected);
    expect((await api.getSource({ id: sourceId })).annotations[0]!.actors).toEqual(expected);
    await expect(
      api.updateAnnotation({
        sourceId,
        id: claim.id,
        patch: { stance: { actorId: per.id, role: 'speaker', stance: 'opposes' } },
      }),
    ).rejects.toThrow(/Per Holm is not linked to this annotation as speaker/);
    expect((await api.undo({})).label).toBe('Change stance');
    expect((await api.getSource({ id: sourceId })).annotations[0]!.actors[1]).toEqual({
      actorId: per.id,
      role: 'subject',
      stance: 'neutral',
    });
  });

  it('queues undo and redo with the writes: fired together they act on the steps made before them', async () => {
    const s = await open();
    const api = client(s);
    const steps = await Promise.all([
      api.createTag({ name: 'Energy' }),
      api.undo({}),
      api.createTag({ name: 'Harbour' }),
      api.createTag({ name: 'Quotas' }),
      api.undo({}),
      api.redo({}),
      api.undo({}),
    ]);
    expect(steps.slice(1).map((r) => ('label' in r ? r.label : 'created'))).toEqual([
      'Create tag “Energy”',
      'created',
      'created',
      'Create tag “Quotas”',
      'Create tag “Quotas”',
      'Create tag “Quotas”',
    ]);
    expect((await api.listTags({})).map((t) => t.name)).toEqual(['Harbour']);
    expect(await api.getHistory({})).toMatchObject({
      undoLabel: 'Create tag “Harbour”',
      redoLabel: 'Create tag “Quotas”',
    });
  });
});
