/**
 * Random concurrent edits on two real clones of one shared notebook (a bare repository in a
 * temporary folder), made over the API and synced in a random order, then synced until both have
 * everything: the two notebooks read the same through the API; every edit no other edit clashed
 * with is there; every field the two changed differently without seeing each other's change is an
 * open conflict in both (same ids), and there is no other conflict; resolving every conflict in one
 * copy and syncing both leaves them identical and conflict-free.
 *
 * A model says what to expect: each edit is a write to a key (an actor's name, a claim's status, a
 * claim deleted, a paragraph of the brief) and remembers which writes its copy had seen; the writes
 * to a key no later write saw decide it — one value, or a clash.
 * `TEAM_PROPERTY_RUNS` sets the number of runs (12 by default); `TEAM_PROPERTY_SEED` replays a failure's seed.
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, type NotebookSession } from '../../../main/services/session';
import { docNode, paragraphNode, plainText, textNode } from '../../../shared/brief-doc';
import type { Conflict } from '../../../shared/team/conflicts';
import { sameJson } from '../../../main/services/team/merge/json-merge';
import { call, cloneOf, open, temp } from './sessions';
import { TEXT } from './fixtures';

type Side = 'A' | 'B';
const PARAGRAPHS = ['First.', 'Second.', 'Third.'];
const QUOTES = ['minister said', 'budget of 40 million', 'contractor declined', 'open in May'];
const NAMES = ['Anna Lindqvist', 'Anna L.', 'Per Alm'];
const STATUSES = ['corroborated', 'disputed', 'refuted'];

/** The shared notebook both clones start from: ids of its records. */
interface Seed {
  sourceId: string;
  claims: string[];
  actors: string[];
  briefId: string;
}

/** One write of the model: to `key`, by `side`, having seen the writes `saw`. */
interface Write {
  n: number;
  side: Side;
  key: string;
  value: unknown;
  saw: Set<number>;
}

class Model {
  writes: Write[] = [];
  /** Records each side added (kind:id), expected in both at the end. */
  added: { kind: 'actor' | 'tag' | 'claim'; id: string; side: Side }[] = [];
  private seen: Record<Side | 'remote', Set<number>> = { A: new Set(), B: new Set(), remote: new Set() };

  write(side: Side, key: string, value: unknown) {
    const w = { n: this.writes.length, side, key, value, saw: new Set(this.seen[side]) };
    this.writes.push(w);
    this.seen[side].add(w.n);
  }

  /** A sync: the side and the remote both hold everything either held. */
  sync(side: Side) {
    const all = new Set([...this.seen[side], ...this.seen.remote]);
    this.seen[side] = all;
    this.seen.remote = new Set(all);
  }

  /** The writes to keys `match` accepts that no other such write saw. */
  last(match: (key: string) => boolean): Write[] {
    const ws = this.writes.filter((w) => match(w.key));
    return ws.filter((w) => !ws.some((o) => o.saw.has(w.n)));
  }

  /** Two writes to keys `match` accepts, of the two sides, neither seeing the other, with `differ`ent values. */
  clashed(match: (key: string) => boolean, differ = (x: Write, y: Write) => !sameJson(x.value, y.value)): boolean {
    const ws = this.writes.filter((w) => match(w.key));
    return ws.some((x) => ws.some((y) => x.side !== y.side && !x.saw.has(y.n) && !y.saw.has(x.n) && differ(x, y)));
  }
}

/** One edit over the API; returns after telling the model what it wrote (a refused edit writes nothing). */
type Edit = {
  name: string;
  run: (s: NotebookSession, side: Side, n: number, seed: Seed, model: Model) => Promise<void>;
};

/** Calls a method; a refusal (the record is gone here, a name taken) is an edit not made. */
async function attempt<T>(
  s: NotebookSession,
  m: Parameters<typeof callApi>[1],
  input: unknown,
): Promise<T | undefined> {
  const r = await callApi(s.service, m, input as never);
  if (r.ok) return r.value as T;
  expect(['not-found', 'invalid-input']).toContain(r.error.code);
  return undefined;
}

const para = (t: string) => paragraphNode([textNode(t)]);

const edit = {
  addClaim: fc.constantFrom(...QUOTES).map((quote): Edit => ({
    name: `add claim "${quote}"`,
    async run(s, side, _n, seed, model) {
      const a = await call(s, 'addClaimByQuote', { sourceId: seed.sourceId, quote });
      model.added.push({ kind: 'claim', id: a.id, side });
    },
  })),
  setStatus: fc.tuple(fc.nat(1), fc.constantFrom(...STATUSES)).map(([i, status]): Edit => ({
    name: `claim ${i} status ${status}`,
    async run(s, side, _n, seed, model) {
      const id = seed.claims[i]!;
      if (await attempt(s, 'updateAnnotation', { sourceId: seed.sourceId, id, patch: { status } }))
        model.write(side, `claim:${id}:status`, status);
    },
  })),
  deleteClaim: fc.nat(1).map((i): Edit => ({
    name: `delete claim ${i}`,
    async run(s, side, _n, seed, model) {
      const id = seed.claims[i]!;
      if (await attempt(s, 'deleteAnnotation', { sourceId: seed.sourceId, id }))
        model.write(side, `claim:${id}:deleted`, true);
    },
  })),
  renameActor: fc.tuple(fc.nat(1), fc.constantFrom(...NAMES)).map(([i, name]): Edit => ({
    name: `rename actor ${i} ${name}`,
    async run(s, side, _n, seed, model) {
      const id = seed.actors[i]!;
      if (await attempt(s, 'updateActor', { id, name })) model.write(side, `actor:${id}:name`, name);
    },
  })),
  addActor: fc.constant<Edit>({
    name: 'add actor',
    async run(s, side, n, _seed, model) {
      const a = await call(s, 'createActor', { name: `Person ${side}${n}`, kind: 'person' });
      model.added.push({ kind: 'actor', id: a.id, side });
    },
  }),
  addTag: fc.constant<Edit>({
    name: 'add tag',
    async run(s, side, n, _seed, model) {
      const t = await call(s, 'createTag', { name: `tag-${side}${n}` });
      model.added.push({ kind: 'tag', id: t.id, side });
    },
  }),
  editBrief: fc.nat(2).map((i): Edit => ({
    name: `edit brief paragraph ${i}`,
    async run(s, side, n, seed, model) {
      const brief = await call(s, 'getBrief', { id: seed.briefId });
      const content = [...(brief.doc.content ?? [])];
      const text = `${side}${n} wrote paragraph ${i}.`;
      content[i] = para(text);
      await call(s, 'updateBrief', { id: seed.briefId, doc: { ...brief.doc, content } });
      model.write(side, `brief:${i}`, text);
    },
  })),
};

type Step = { side: Side; edit?: Edit };
const edits = (side: Side) =>
  fc
    .array(fc.oneof(...Object.values(edit)), { minLength: 1, maxLength: 4 })
    .map((es) => es.map((e) => ({ side, edit: e })));
/** Each side's edits and up to three syncs, in a random order. */
const schedule = fc
  .tuple(edits('A'), edits('B'), fc.array(fc.constantFrom<Side>('A', 'B'), { maxLength: 3 }))
  .chain(([a, b, syncs]) => {
    const steps: Step[] = [...a, ...b, ...syncs.map((side) => ({ side }))];
    return fc.shuffledSubarray(steps, { minLength: steps.length, maxLength: steps.length });
  });
const describeStep = (s: Step) => `${s.side}: ${s.edit ? s.edit.name : 'sync'}`;

async function sharedPair() {
  const remote = path.join(await temp(), 'team.git');
  const a = await open(path.join(await temp(), 'nb.dossier'), 'Alice');
  const [source] = (await call(a, 'importText', { text: TEXT, name: 'bridge.txt' })).added;
  const sourceId = source!.id;
  const claims = [
    (await call(a, 'addClaimByQuote', { sourceId, quote: 'the bridge would open in May' })).id,
    (await call(a, 'addClaimByQuote', { sourceId, quote: 'declined to comment' })).id,
  ];
  const actors = [
    (await call(a, 'createActor', { name: 'Anna Lind', kind: 'person' })).id,
    (await call(a, 'createActor', { name: 'City Council', kind: 'organisation' })).id,
  ];
  const brief = await call(a, 'createBrief', { title: 'The bridge', doc: docNode(PARAGRAPHS.map(para)) });
  expect((await call(a, 'shareNotebook', { remote })).state).toBe('pushed');
  const b = await cloneOf(remote, 'Bob');
  return { a, b, seed: { sourceId, claims, actors, briefId: brief.id } };
}

/** What a person sees of the notebook, through the API. */
async function snapshot(s: NotebookSession, seed: Seed) {
  const sources = await call(s, 'listSources', {});
  const briefs = await call(s, 'listBriefs', {});
  return {
    sources,
    files: await Promise.all(sources.map((x) => call(s, 'getSource', { id: x.id }))),
    actors: await call(s, 'listActors', {}),
    tags: await call(s, 'listTags', {}),
    briefs: await Promise.all(briefs.map((x) => call(s, 'getBrief', { id: x.id }))),
    statuses: (await call(s, 'getNotebook', {})).statuses,
    conflicts: await call(s, 'listConflicts', {}),
    seedBrief: briefs.some((x) => x.id === seed.briefId),
  };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** A conflict at `place` or at a record or file holding it. */
const covers = (c: Conflict, file: string, place: Conflict['path']) =>
  c.file === file && c.path.length <= place.length && sameJson(c.path, place.slice(0, c.path.length));
/** A conflict at `place`, or at a record or file holding it, or inside it. */
const touches = (c: Conflict, file: string, place: Conflict['path']) =>
  covers(c, file, place) ||
  (c.file === file && place.length <= c.path.length && sameJson(place, c.path.slice(0, place.length)));

/** Checks a converged notebook against the model. */
function checkAgainstModel(nb: Snapshot, seed: Seed, model: Model) {
  const srcFile = `sources/${seed.sourceId}.json`;
  const annotations = nb.files.find((f) => f.source.id === seed.sourceId)!.annotations;
  const expected: { file: string; place: Conflict['path']; why: string }[] = [];
  const allowed: { file: string; place: Conflict['path'] }[] = [];

  // Everything either side added is there.
  for (const r of model.added) {
    const list = r.kind === 'actor' ? nb.actors : r.kind === 'tag' ? nb.tags : annotations;
    expect(
      list.some((x) => x.id === r.id),
      `${r.kind} ${r.id} added by ${r.side}`,
    ).toBe(true);
  }
  // Actors' names: the last write, or a conflict when the last ones differ.
  seed.actors.forEach((id, i) => {
    const key = `actor:${id}:name`;
    const place = ['actors', { id }, 'name'];
    const last = model.last((k) => k === key);
    const actor = nb.actors.find((x) => x.id === id);
    expect(actor, `actor ${i}`).toBeDefined();
    if (model.clashed((k) => k === key)) allowed.push({ file: 'notebook.json', place });
    if (new Set(last.map((w) => w.value)).size > 1)
      expected.push({ file: 'notebook.json', place, why: `actor ${i} renamed on both` });
    else expect(actor!.name, `actor ${i}`).toBe(last.length ? last[0]!.value : i === 0 ? 'Anna Lind' : 'City Council');
  });
  // Claims: deleted, or their status; deleted on one side and changed on the other is a conflict on the claim.
  seed.claims.forEach((id, i) => {
    const record = ['annotations', { id }];
    const status = [...record, 'status'];
    const ofClaim = (k: string) => k.startsWith(`claim:${id}:`);
    const isStatus = (k: string) => k === `claim:${id}:status`;
    const kinds = (x: Write, y: Write) => x.key !== y.key;
    if (model.clashed(ofClaim, kinds)) allowed.push({ file: srcFile, place: record });
    if (model.clashed(isStatus)) allowed.push({ file: srcFile, place: status });
    const last = model.last(ofClaim);
    const claim = annotations.find((x) => x.id === id);
    if (new Set(last.map((w) => w.key)).size > 1) {
      expected.push({ file: srcFile, place: record, why: `claim ${i} deleted on one side, changed on the other` });
      return;
    }
    if (last.some((w) => w.key.endsWith(':deleted'))) {
      expect(claim, `claim ${i} deleted`).toBeUndefined();
      return;
    }
    expect(claim, `claim ${i}`).toBeDefined();
    const statuses = model.last(isStatus);
    if (new Set(statuses.map((w) => w.value)).size > 1)
      expected.push({ file: srcFile, place: status, why: `claim ${i} status set on both` });
    else expect(claim!.status, `claim ${i} status`).toBe(statuses.length ? statuses[0]!.value : 'unverified');
  });
  // The brief, by paragraph: two sides' edits may clash as a whole document (its blocks merge by diff3).
  const docPlace = ['brief', 'doc'];
  const briefFile = `briefs/${seed.briefId}.json`;
  const isPara = (k: string) => k.startsWith('brief:');
  if (model.clashed(isPara, () => true)) allowed.push({ file: briefFile, place: docPlace });
  const docConflict = nb.conflicts.some((c) => covers(c, briefFile, docPlace));
  const brief = nb.briefs.find((x) => x.id === seed.briefId)!;
  PARAGRAPHS.forEach((base, i) => {
    const last = model.last((k) => k === `brief:${i}`);
    if (new Set(last.map((w) => w.value)).size > 1)
      expected.push({ file: briefFile, place: docPlace, why: `paragraph ${i} edited on both` });
    else if (!docConflict) {
      const text = brief.doc.content?.[i] ? plainText(docNode([brief.doc.content[i]!])).trim() : undefined;
      expect(text, `brief paragraph ${i}`).toBe(last.length ? last[0]!.value : base);
    }
  });

  for (const e of expected)
    expect(
      nb.conflicts.some((c) => covers(c, e.file, e.place)),
      `an open conflict for: ${e.why}`,
    ).toBe(true);
  for (const c of nb.conflicts)
    expect(
      allowed.some((a) => touches(c, a.file, a.place)),
      `conflict ${c.label} comes from no clash of the two sides`,
    ).toBe(true);
}

const runs = Number(process.env.TEAM_PROPERTY_RUNS ?? 12);

describe('two real clones, random concurrent edits, synced in random orders', () => {
  it(
    'converge to one notebook with every clean edit, every clash an open conflict in both, and agree once resolved',
    async () => {
      await fc.assert(
        fc.asyncProperty(schedule, fc.constantFrom<'ours' | 'theirs'>('ours', 'theirs'), async (steps, take) => {
          const { a, b, seed } = await sharedPair();
          const sessions = { A: a, B: b };
          const model = new Model();
          try {
            let n = 0;
            for (const step of steps) {
              if (step.edit) await step.edit.run(sessions[step.side], step.side, n++, seed, model);
              else {
                await call(sessions[step.side], 'syncNotebook', {});
                model.sync(step.side);
              }
            }
            // Enough syncs that both have everything: A shares, B merges and shares, A takes it.
            for (const side of ['A', 'B', 'A'] as const) {
              await call(sessions[side], 'syncNotebook', {});
              model.sync(side);
            }
            const [na, nb] = [await snapshot(a, seed), await snapshot(b, seed)];
            expect(na).toEqual(nb);
            checkAgainstModel(na, seed, model);

            // Every conflict resolved in A (one way), both synced: the same notebook, no conflict left.
            for (const c of na.conflicts) await call(a, 'resolveConflict', { id: c.id, take });
            await call(a, 'syncNotebook', {});
            await call(b, 'syncNotebook', {});
            const [ra, rb] = [await snapshot(a, seed), await snapshot(b, seed)];
            expect(ra.conflicts).toEqual([]);
            expect(ra).toEqual(rb);
          } finally {
            await Promise.all([a.close(), b.close()]);
          }
        }),
        {
          numRuns: runs,
          ...(process.env.TEAM_PROPERTY_SEED ? { seed: Number(process.env.TEAM_PROPERTY_SEED) } : {}),
          reporter: (out) => {
            if (out.failed) {
              const steps = out.counterexample?.[0] as Step[] | undefined;
              const seen = steps?.map(describeStep).join('; ') ?? '?';
              throw new Error(
                `seed ${out.seed}, path ${out.counterexample ? out.counterexamplePath : '?'}, after ${out.numRuns} runs\n` +
                  `steps: ${seen}; resolved taking ${String(out.counterexample?.[1])}\n${String(out.errorInstance)}`,
                { cause: out.errorInstance },
              );
            }
          },
        },
      );
    },
    runs * 10_000 + 30_000,
  );
});
