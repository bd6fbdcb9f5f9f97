/**
 * Durability proven, not sampled — in the manner of SQLite's crash tests and
 * the ALICE study: a run of edits through the API is traced at the file-system
 * calls it makes; then, for every prefix of that trace, the folder a crash at
 * that point could leave is materialised and opened, with the reorderings
 * POSIX allows before an fsync: a file's unsynced data lost (the file empty or
 * at its last synced content) and a folder's unsynced entries (creates,
 * renames, removals) persisted only up to any point since its last fsync.
 * Each such folder must open, readable and writable, and hold exactly the
 * state after some edit at or after the last acknowledged one: every
 * acknowledged edit there, none half-applied.
 *
 * Then faults: each mutating call of the run fails once with ENOSPC, then
 * with EIO. The API answers with a readable error (never throws), every edit
 * acknowledged before stays, and no temp file is left behind.
 *
 * Simplifications, stated: folders are created durably (mkdir), and `.lock`
 * and `.cache/` are left out (a stale lock is detected on open; the cache is
 * derived and rebuilt).
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportResult, SourceWithAnnotations } from '../../../shared/api';
import type { Annotation, Tag } from '../../../shared/model';

// ---------------------------------------------------------------------------
// The trace: every file-system call of the store, on paths inside the notebook.
// ---------------------------------------------------------------------------

type Op =
  | { op: 'create'; path: string }
  | { op: 'write'; path: string; data: string }
  | { op: 'fsync'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'unlink'; path: string }
  | { op: 'fsync-dir'; path: string };

const tracing = vi.hoisted(() => ({
  root: null as string | null,
  ops: [] as Op[],
  /** Fail the n-th mutating call (0-based) with this code; counted while tracing. */
  fault: null as { at: number; code: string } | null,
  mutating: 0,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const inside = (p: unknown) => {
    if (tracing.root === null || typeof p !== 'string') return false;
    const full = path.resolve(p);
    return full === tracing.root || full.startsWith(tracing.root + path.sep);
  };
  const ignored = (p: string) => /[\\/](\.lock|\.cache)([\\/]|$)/.test(p);
  const record = (op: Op, p: string) => {
    if (!ignored(p)) tracing.ops.push(op);
  };
  /** Counts a mutating call and throws the injected fault when it is this one. */
  const maybeFail = (p: string) => {
    if (ignored(p)) return;
    const n = tracing.mutating++;
    if (tracing.fault && tracing.fault.at === n) {
      const err = new Error(`${tracing.fault.code}: injected fault, ${path.basename(p)}`) as NodeJS.ErrnoException;
      err.code = tracing.fault.code;
      err.path = p;
      throw err;
    }
  };
  const wrapHandle = (handle: FsPromises.FileHandle, file: string, isDir: boolean) =>
    new Proxy(handle, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key === 'writeFile')
          return async (data: string | Uint8Array | Iterable<string>, ...rest: unknown[]) => {
            maybeFail(file);
            // Text in pieces (a large JSON file) is recorded as the one write it is, with the text the pieces made.
            const pieces: string[] = [];
            const given =
              typeof data === 'string' || data instanceof Uint8Array
                ? data
                : (function* () {
                    for (const piece of data) yield (pieces.push(piece), piece);
                  })();
            await (value as (...a: unknown[]) => Promise<void>).call(target, given, ...rest);
            const written =
              typeof data === 'string'
                ? data
                : data instanceof Uint8Array
                  ? Buffer.from(data).toString()
                  : pieces.join('');
            record({ op: 'write', path: file, data: written }, file);
          };
        if (key === 'sync')
          return async () => {
            maybeFail(file);
            await (value as () => Promise<void>).call(target);
            record(isDir ? { op: 'fsync-dir', path: file } : { op: 'fsync', path: file }, file);
          };
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return {
    ...real,
    default: real,
    async open(file: string, flags?: string | number, mode?: number) {
      if (!inside(file)) return real.open(file, flags, mode);
      const writing = typeof flags === 'number' ? (flags & 3) !== 0 : /[wa+]/.test(flags ?? 'r');
      if (writing) maybeFail(file);
      const handle = await real.open(file, flags, mode);
      const isDir = (await handle.stat()).isDirectory();
      if (writing) record({ op: 'create', path: path.resolve(file) }, file);
      return wrapHandle(handle, path.resolve(file), isDir);
    },
    async writeFile(file: string, data: string | Uint8Array, options?: unknown) {
      if (!inside(file)) return real.writeFile(file, data, options as never);
      maybeFail(file);
      await real.writeFile(file, data, options as never);
      record({ op: 'create', path: path.resolve(file) }, file);
      record(
        { op: 'write', path: path.resolve(file), data: typeof data === 'string' ? data : Buffer.from(data).toString() },
        file,
      );
    },
    async rename(from: string, to: string) {
      if (!inside(to)) return real.rename(from, to);
      maybeFail(to);
      await real.rename(from, to);
      record({ op: 'rename', from: path.resolve(from), to: path.resolve(to) }, to);
    },
    async unlink(file: string) {
      if (!inside(file)) return real.unlink(file);
      maybeFail(file);
      await real.unlink(file);
      record({ op: 'unlink', path: path.resolve(file) }, file);
    },
    async rm(file: string, options?: unknown) {
      if (!inside(file)) return real.rm(file, options as never);
      maybeFail(file);
      await real.rm(file, options as never);
      record({ op: 'unlink', path: path.resolve(file) }, file);
    },
  };
});

// Imported after the mock is declared (vi.mock is hoisted; these see the traced module).
const { openNotebookSession } = await import('../../../main/services/session');
const { callApi } = await import('../../../main/services/session');
const { NotebookStore } = await import('../../../main/services/store/notebook-store');
const { toApiError } = await import('../../../shared/errors');

// ---------------------------------------------------------------------------
// The run: fictional articles, edits through the one API door.
// ---------------------------------------------------------------------------

const ARTICLE_EN = `Harbour board delays the night ferry

The Vellmar harbour board postponed its decision on the night ferry to Brask until the spring, citing the cost of new lighting on the old pier.

"We will not run a service we cannot light safely," said board chair Ingrid Halvorsen.`;

const ARTICLE_SV = `Nattfärjan till Brask skjuts upp

Hamnstyrelsen i Vellmar sköt upp beslutet om nattfärjan till våren. Belysningen på gamla piren kostar mer än väntat, säger ordföranden Ingrid Halvorsen.`;

type Api = (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
type Got = Record<string, string>;

/** The value of a call that succeeded (the wrapper stops the run on any failure). */
async function value<T>(api: Api, method: string, input: unknown): Promise<T> {
  return (await api(method, input)).value as T;
}

/** The edits, each given the API and what earlier edits returned. */
const EDITS: Array<(api: Api, got: Got) => Promise<void>> = [
  async (api, got) => {
    got.en = (await value<ImportResult>(api, 'importText', { text: ARTICLE_EN, name: 'ferry-en.txt' })).added[0]!.id;
  },
  async (api, got) => {
    got.tag = (await value<Tag>(api, 'createTag', { name: 'Ports' })).id;
  },
  async (api, got) => {
    const { text } = (await value<SourceWithAnnotations>(api, 'getSource', { id: got.en })).source;
    const start = text.indexOf('We will not');
    const input = { sourceId: got.en, start, end: start + 42, tagIds: [got.tag] };
    got.claim = (await value<Annotation>(api, 'createAnnotation', input)).id;
  },
  async (api, got) => {
    got.sv = (await value<ImportResult>(api, 'importText', { text: ARTICLE_SV, name: 'ferry-sv.txt' })).added[0]!.id;
  },
  async (api, got) => {
    await api('updateTag', { id: got.tag, name: 'Harbours' });
  },
  async (api, got) => {
    await api('updateAnnotation', { sourceId: got.en, id: got.claim, patch: { tagIds: [] } });
  },
  async (api, got) => {
    await api('updateSourceMeta', { id: got.sv, patch: { title: 'Nattfärjan skjuts upp' } });
  },
  async (api, got) => {
    got.brief = (await value<{ id: string }>(api, 'createBrief', { title: 'Ferry brief' })).id;
  },
  async (api, got) => {
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The board waits.' }] }],
    };
    await api('updateBrief', { id: got.brief, doc });
  },
];

/** What a notebook holds, in a form two states can be compared by. */
async function summarise(dir: string): Promise<string> {
  const store = await NotebookStore.open(dir, { readOnly: true });
  try {
    // A read-only open is no problem in itself; any problem is a file that could not be read.
    if (store.problem !== undefined) return `unreadable: ${store.problem ?? 'no reason'}`;
    const m = store.manifest;
    const tags = new Map(m.tags.map((t) => [t.id, t.name]));
    const sources = [];
    for (const entry of m.sources) {
      const file = await store.loadSource(entry.id).catch((err: Error) => ({ error: err.message }) as const);
      if ('error' in file) return `unreadable source ${entry.id}: ${file.error}`;
      sources.push({
        title: file.source.title,
        claims: file.annotations.map((a) => ({
          quote: a.target.exact,
          start: a.target.start,
          tags: a.tagIds.map((t) => tags.get(t)),
        })),
      });
    }
    const briefs = [];
    for (const { id } of await store.listBriefs()) {
      const brief = await store.loadBrief(id).catch((err: Error) => ({ error: err.message }) as const);
      if ('error' in brief) return `unreadable brief ${id}: ${brief.error}`;
      briefs.push({ title: brief.title, doc: brief.doc });
    }
    if (store.problem !== undefined) return `unreadable: ${store.problem}`;
    return JSON.stringify({ tags: [...tags.values()].sort(), sources, briefs });
  } finally {
    await store.close();
  }
}

interface Run {
  ops: Op[];
  /** After edit i: how many ops were traced when its call resolved, and the notebook's summary then. */
  acks: Array<{ at: number; summary: string }>;
  errors: string[];
}

async function runEdits(dir: string, fault: { at: number; code: string } | null = null): Promise<Run> {
  tracing.root = path.resolve(dir);
  tracing.ops = [];
  tracing.mutating = 0;
  tracing.fault = fault;
  const errors: string[] = [];
  const acks: Run['acks'] = [];
  let session;
  try {
    session = await openNotebookSession(dir);
  } catch (err) {
    tracing.root = null;
    return { ops: tracing.ops, acks, errors: [`open: ${toApiError(err).message}`] };
  }
  const api: Api = async (method, input) => {
    const result = (await callApi(session.service, method as never, input)) as Awaited<ReturnType<Api>>;
    if (!result.ok) {
      errors.push(`${method}: ${result.error?.message}`);
      throw new StopRun();
    }
    // An import reports a file it could not store among `rejected`, with the reason.
    const imported = result.value as { added?: unknown[]; rejected?: Array<{ reason: string }> };
    if (method === 'importText' && imported.added?.length === 0) {
      errors.push(`${method}: ${imported.rejected?.map((r) => r.reason).join('; ') || 'nothing imported'}`);
      throw new StopRun();
    }
    return result;
  };
  const got: Got = {};
  try {
    for (const edit of EDITS) {
      await edit(api, got);
      const at = tracing.ops.length;
      tracing.root = null; // reading the summary is not part of the run
      acks.push({ at, summary: await summarise(dir) });
      tracing.root = path.resolve(dir);
    }
  } catch (err) {
    if (!(err instanceof StopRun)) throw err;
  } finally {
    tracing.root = path.resolve(dir);
    await session.close().catch((err: unknown) => errors.push(`close: ${toApiError(err).message}`));
    tracing.root = null;
  }
  return { ops: tracing.ops, acks, errors };
}

class StopRun extends Error {}

// ---------------------------------------------------------------------------
// The disk model: inodes with written and synced data, folders with current
// and durable entries.
// ---------------------------------------------------------------------------

interface Inode {
  data: string;
  synced: string | null;
}

interface CrashState {
  /** path → content, for every file the crashed folder holds. */
  files: Map<string, string>;
  label: string;
}

/** The folder states a crash after `ops` may leave. */
function crashStates(ops: Op[]): CrashState[] {
  let nextInode = 0;
  const inodes = new Map<number, Inode>();
  const entries = new Map<string, number>(); // path → inode, as the running system sees it
  const durable = new Map<string, Map<string, number>>(); // folder → its entries at its last fsync
  const pendingDirOps = new Map<string, Array<(e: Map<string, number>) => void>>(); // folder → ops since
  const dirOf = (p: string) => path.dirname(p);
  const pending = (dir: string) => pendingDirOps.get(dir) ?? (pendingDirOps.set(dir, []), pendingDirOps.get(dir)!);
  const durableOf = (dir: string) => durable.get(dir) ?? new Map<string, number>();
  const dirEntries = (dir: string) => new Map([...entries].filter(([p]) => dirOf(p) === dir));

  for (const o of ops) {
    if (o.op === 'create') {
      if (entries.has(o.path)) {
        inodes.get(entries.get(o.path)!)!.data = '';
        continue;
      }
      const id = nextInode++;
      inodes.set(id, { data: '', synced: null });
      entries.set(o.path, id);
      pending(dirOf(o.path)).push((e) => e.set(o.path, id));
    } else if (o.op === 'write') {
      const id = entries.get(o.path);
      if (id !== undefined) inodes.get(id)!.data = o.data;
    } else if (o.op === 'fsync') {
      const id = entries.get(o.path);
      if (id !== undefined) inodes.get(id)!.synced = inodes.get(id)!.data;
    } else if (o.op === 'rename') {
      const id = entries.get(o.from);
      if (id === undefined) continue;
      entries.delete(o.from);
      entries.set(o.to, id);
      pending(dirOf(o.from)).push((e) => e.delete(o.from));
      pending(dirOf(o.to)).push((e) => e.set(o.to, id));
    } else if (o.op === 'unlink') {
      entries.delete(o.path);
      pending(dirOf(o.path)).push((e) => e.delete(o.path));
    } else if (o.op === 'fsync-dir') {
      durable.set(o.path, dirEntries(o.path));
      pendingDirOps.set(o.path, []);
    }
  }

  const dirs = new Set([...entries.keys()].map(dirOf).concat([...durable.keys()], [...pendingDirOps.keys()]));
  /** The entries of every folder when each folder kept `kept(dir)` of its pending ops. */
  const entriesWith = (kept: (dir: string) => number) => {
    const all = new Map<string, number>();
    for (const dir of dirs) {
      const e = new Map(durableOf(dir));
      for (const apply of pending(dir).slice(0, kept(dir))) apply(e);
      for (const [p, id] of e) all.set(p, id);
    }
    return all;
  };
  const materialise = (view: Map<string, number>, data: (i: Inode) => string, label: string): CrashState => ({
    files: new Map([...view].map(([p, id]) => [p, data(inodes.get(id)!)])),
    label,
  });
  const current = (i: Inode) => i.data;
  const lostUnsynced = (i: Inode) => i.synced ?? '';
  const states: CrashState[] = [
    materialise(entries, current, 'everything persisted'),
    materialise(entries, lostUnsynced, 'unsynced data lost'),
    materialise(
      entriesWith(() => 0),
      current,
      'unsynced folder entries lost',
    ),
    materialise(
      entriesWith(() => 0),
      lostUnsynced,
      'unsynced data and folder entries lost',
    ),
  ];
  // Each folder's pending entries persisted only up to each point (one folder at a time).
  for (const dir of dirs) {
    const n = pending(dir).length;
    for (let k = 1; k < n; k++) {
      states.push(
        materialise(
          entriesWith((d) => (d === dir ? k : pending(d).length)),
          current,
          `${path.basename(dir)}: ${k} of ${n} unsynced entries`,
        ),
      );
    }
  }
  return states;
}

async function writeState(state: CrashState, from: string, to: string): Promise<void> {
  await mkdir(path.join(to, 'sources'), { recursive: true });
  for (const [p, content] of state.files) {
    const target = path.join(to, path.relative(from, p));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

// ---------------------------------------------------------------------------

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dossier-crash-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('crash consistency', () => {
  it('the write protocol fsyncs the temp file before the rename and the folder after it', async () => {
    const dir = path.join(work, 'protocol.dossier');
    const run = await runEdits(dir);
    expect(run.errors).toEqual([]);
    const renames = run.ops.flatMap((o, i) => (o.op === 'rename' ? [i] : []));
    expect(renames.length).toBeGreaterThan(EDITS.length);
    for (const i of renames) {
      const r = run.ops[i] as Extract<Op, { op: 'rename' }>;
      const before = run.ops.slice(0, i);
      const lastWrite = before.findLastIndex((o) => o.op === 'write' && o.path === r.from);
      const lastSync = before.findLastIndex((o) => o.op === 'fsync' && o.path === r.from);
      expect(lastWrite, `${path.basename(r.to)} written before its rename`).toBeGreaterThanOrEqual(0);
      expect(
        lastSync,
        `${path.basename(r.to)}: temp file fsynced after its last write, before the rename`,
      ).toBeGreaterThan(lastWrite);
      const after = run.ops.slice(i + 1).findIndex((o) => o.op === 'fsync-dir' && o.path === path.dirname(r.to));
      expect(after, `${path.basename(r.to)}: its folder fsynced after the rename`).toBeGreaterThanOrEqual(0);
    }
  });

  it('every prefix of the trace, with every reordering POSIX allows before an fsync, opens with every acknowledged edit', async () => {
    const dir = path.join(work, 'run.dossier');
    const run = await runEdits(dir);
    expect(run.errors).toEqual([]);
    expect(run.acks).toHaveLength(EDITS.length);
    const empty = JSON.stringify({ tags: [], sources: [], briefs: [] });
    const summaries = [empty, ...run.acks.map((a) => a.summary)];
    // Every edit shows in the summary, so a lost one cannot pass for another state.
    expect(new Set(summaries).size).toBe(summaries.length);
    let checked = 0;
    let prefixes = 0;
    for (let k = 0; k <= run.ops.length; k++) {
      prefixes++;
      const acknowledged = run.acks.filter((a) => a.at <= k).length; // edits 0…acknowledged-1 are on disk
      const allowed = new Set(summaries.slice(acknowledged));
      for (const state of crashStates(run.ops.slice(0, k))) {
        const target = path.join(work, `state-${k}-${checked}`);
        await writeState(state, dir, target);
        const summary = await summarise(target);
        expect(
          allowed.has(summary),
          `crash after op ${k} (${JSON.stringify(run.ops[k - 1] ?? null)}), ${state.label}: ${summary}\nallowed: ${[...allowed].join('\n')}`,
        ).toBe(true);
        // And the person can carry on: it opens for writing.
        const store = await NotebookStore.open(target);
        expect(store.readOnly, state.label).toBe(false);
        await store.close();
        await rm(target, { recursive: true, force: true });
        checked++;
      }
    }
    console.log(
      `crash consistency: ${run.ops.length} traced calls, ${prefixes} prefixes, ${checked} crash states checked`,
    );
    expect(checked).toBeGreaterThan(prefixes);
  });

  const READABLE: Record<string, RegExp> = {
    ENOSPC: /The disk is full.*the change was not saved, and what was saved before is kept/,
    EIO: /The disk reported a read or write error.*not saved/,
  };
  it.each(['ENOSPC', 'EIO'])(
    'a %s at any mutating call: a readable error, nothing acknowledged lost, no temp files left',
    async (code) => {
      const clean = await runEdits(path.join(work, `count-${code}.dossier`));
      const calls = tracing.mutating;
      expect(clean.errors).toEqual([]);
      let injected = 0;
      for (let at = 0; at < calls; at++) {
        const dir = path.join(work, `fault-${code}-${at}.dossier`);
        const run = await runEdits(dir, { at, code });
        injected++;
        // The fault surfaced as the API's readable error (or at open/close), never as a crash of the run.
        expect(run.errors.length, `fault at call ${at}`).toBeGreaterThan(0);
        expect(run.errors.join('\n')).toMatch(READABLE[code]!);
        // Every acknowledged edit is on disk — and, when an edit failed, nothing of it: a failed call
        // changes nothing, not even later (closing the notebook writes what is in memory).
        if (run.acks.length) {
          const now = await summarise(dir);
          const acknowledged = clean.acks[run.acks.length - 1]!.summary;
          if (run.errors[0]?.startsWith('close:')) {
            const later = [acknowledged, ...clean.acks.slice(run.acks.length).map((a) => a.summary)];
            expect(later, `fault at call ${at}: ${run.errors[0]}`).toContain(now);
          } else {
            expect(now, `fault at call ${at}: ${run.errors[0]}`).toBe(acknowledged);
          }
        }
        // No debris: no temp file in the folder or its sources.
        const names = [
          ...(await readdir(dir).catch(() => [] as string[])),
          ...(await readdir(path.join(dir, 'sources')).catch(() => [] as string[])),
        ];
        expect(
          names.filter((n) => n.endsWith('.tmp')),
          `fault at call ${at}`,
        ).toEqual([]);
        // …no lock left behind, and no source file the manifest does not list.
        expect(names, `fault at call ${at}`).not.toContain('.lock');
        const listed = new Set(
          JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8').catch(() => '{"sources":[]}')).sources.map(
            (s: { id: string }) => `${s.id}.json`,
          ),
        );
        const sourceFiles = (await readdir(path.join(dir, 'sources')).catch(() => [] as string[])).filter((n) =>
          n.endsWith('.json'),
        );
        expect(
          sourceFiles.filter((n) => !listed.has(n)),
          `fault at call ${at}: ${run.errors[0]}`,
        ).toEqual([]);
        await rm(dir, { recursive: true, force: true });
      }
      console.log(`${code}: ${injected} faults injected`);
      expect(injected).toBeGreaterThan(EDITS.length);
    },
  );
});

describe('the crash model itself', () => {
  it('finds the lost file a missing fsync would leave, and the lost rename a missing folder fsync would', () => {
    const dir = '/nb';
    const noFileSync: Op[] = [
      { op: 'create', path: '/nb/.a.tmp' },
      { op: 'write', path: '/nb/.a.tmp', data: '{"v":1}' },
      { op: 'rename', from: '/nb/.a.tmp', to: '/nb/a.json' },
      { op: 'fsync-dir', path: dir },
    ];
    const contents = crashStates(noFileSync).map((s) => s.files.get('/nb/a.json'));
    expect(contents).toContain('');
    expect(contents).toContain('{"v":1}');

    const noDirSync: Op[] = [
      { op: 'create', path: '/nb/.a.tmp' },
      { op: 'write', path: '/nb/.a.tmp', data: '{"v":1}' },
      { op: 'fsync', path: '/nb/.a.tmp' },
      { op: 'rename', from: '/nb/.a.tmp', to: '/nb/a.json' },
    ];
    const present = crashStates(noDirSync).map((s) => s.files.has('/nb/a.json'));
    expect(present).toContain(false);
    expect(present).toContain(true);

    // The full protocol leaves one outcome.
    const full: Op[] = [...noDirSync, { op: 'fsync-dir', path: dir }];
    expect(new Set(crashStates(full).map((s) => s.files.get('/nb/a.json')))).toEqual(new Set(['{"v":1}']));
  });
});
