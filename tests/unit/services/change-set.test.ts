import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { computeChangeSet, diffById } from '../../../main/services/change-set';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { ApiEvent, apiSchemas, type ApiInput, type MethodName, type NotebookChangedEvent } from '../../../shared/api';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const article = (title: string) =>
  new TextEncoder().encode(`${title}\n\nMinister Anna Lindqvist said the harbour accord holds, for ${title}.`);

/** A session with one imported source, recording every notebook-changed event from then on. */
async function notebook(): Promise<{ s: NotebookSession; sourceId: string; events: NotebookChangedEvent[] }> {
  const t = await tempDir();
  const s = await openNotebookSession(path.join(t.dir, 'changes.dossier'));
  cleanups.push(t.cleanup, () => s.close());
  const { added } = await s.service.importFiles({ files: [{ name: 'a.txt', bytes: article('Alpha') }] });
  const events: NotebookChangedEvent[] = [];
  s.onEvent((e) => {
    // Every event main emits must pass the shared schema the renderer trusts.
    ApiEvent.parse(e);
    if (e.type === 'notebook-changed') events.push(e);
  });
  return { s, sourceId: added[0]!.id, events };
}

/** Calls a method the way main does: input parsed (defaults filled in) first. */
function call<M extends MethodName>(s: NotebookSession, method: M, input: ApiInput<M>) {
  const service = s.service as unknown as Record<MethodName, (i: unknown) => Promise<unknown>>;
  return service[method](apiSchemas[method].input.parse(input)) as ReturnType<NotebookSession['service'][M]>;
}

const last = (events: NotebookChangedEvent[]) => events.at(-1)!;

describe('change sets of notebook-changed events', () => {
  it('an import lists the added sources, with reason import', async () => {
    const { s, events } = await notebook();
    const { added } = await s.service.importFiles({
      files: [
        { name: 'b.txt', bytes: article('Beta') },
        { name: 'c.txt', bytes: article('Gamma') },
      ],
    });
    expect(last(events)).toMatchObject({ reason: 'import', label: 'Import 2 files' });
    expect(last(events).changes).toEqual({
      sources: added.map((a) => ({ id: a.id, kind: 'added', metadata: true })),
      annotations: [],
      actors: [],
      tags: [],
      briefs: [],
      relations: [],
      notebook: false,
    });
  });

  it('undo of an import lists those sources as removed; redo as added', async () => {
    const { s, sourceId, events } = await notebook();
    await s.service.undo({});
    expect(last(events)).toMatchObject({
      reason: 'undo',
      label: 'Import “a.txt”',
      changes: { sources: [{ id: sourceId, kind: 'removed', metadata: true }], annotations: [] },
    });
    await s.service.redo({});
    expect(last(events)).toMatchObject({
      reason: 'redo',
      changes: { sources: [{ id: sourceId, kind: 'added', metadata: true }] },
    });
  });

  it('an annotation added, edited, deleted: its source updated and the annotation by id and kind', async () => {
    const { s, sourceId, events } = await notebook();
    const { source } = await s.service.getSource({ id: sourceId });
    const start = source.text.indexOf('Minister');
    const a = await call(s, 'createAnnotation', { sourceId, kind: 'claim', start, end: start + 20 });
    expect(last(events)).toMatchObject({
      reason: 'edit',
      changes: {
        sources: [{ id: sourceId, kind: 'updated', metadata: false }],
        annotations: [{ id: a.id, kind: 'added', sourceId }],
        actors: [],
        tags: [],
      },
    });
    await call(s, 'updateAnnotation', { sourceId, id: a.id, patch: { status: 'disputed' } });
    expect(last(events).changes).toMatchObject({
      sources: [{ id: sourceId, kind: 'updated', metadata: false }],
      annotations: [{ id: a.id, kind: 'updated', sourceId }],
      actors: [],
    });
    await s.service.deleteAnnotation({ sourceId, id: a.id });
    expect(last(events).changes?.annotations).toEqual([{ id: a.id, kind: 'removed', sourceId }]);
    await s.service.undo({});
    expect(last(events)).toMatchObject({
      reason: 'undo',
      changes: { annotations: [{ id: a.id, kind: 'added', sourceId }] },
    });
  });

  it('a source metadata edit marks its listing changed; a paragraph removal does not', async () => {
    const { s, sourceId, events } = await notebook();
    await call(s, 'updateSourceMeta', { id: sourceId, patch: { outlet: 'Harbour Post' } });
    expect(last(events).changes?.sources).toEqual([{ id: sourceId, kind: 'updated', metadata: true }]);
    await call(s, 'removeParagraph', { sourceId, paragraphIndex: 0, reason: 'title' });
    expect(last(events).changes?.sources).toEqual([{ id: sourceId, kind: 'updated', metadata: false }]);
  });

  it('an actor rename lists the actor as updated and nothing else', async () => {
    const { s, events } = await notebook();
    const actor = await call(s, 'createActor', { name: 'Anna Lindqvist' });
    expect(last(events).changes?.actors).toEqual([{ id: actor.id, kind: 'added' }]);
    await call(s, 'updateActor', { id: actor.id, name: 'A. Lindqvist' });
    expect(last(events)).toMatchObject({ reason: 'edit', label: 'Rename actor “Anna Lindqvist”' });
    expect(last(events).changes).toEqual({
      sources: [],
      annotations: [],
      actors: [{ id: actor.id, kind: 'updated' }],
      tags: [],
      briefs: [],
      relations: [],
      notebook: false,
    });
  });

  it('a tag merge lists the tags and every annotation it retagged', async () => {
    const { s, sourceId, events } = await notebook();
    const from = await call(s, 'createTag', { name: 'ports' });
    const into = await call(s, 'createTag', { name: 'harbours' });
    const a = await call(s, 'createAnnotation', { sourceId, kind: 'claim', start: 0, end: 5, tagIds: [from.id] });
    await call(s, 'mergeTags', { fromId: from.id, intoId: into.id });
    const { changes } = last(events);
    expect(changes?.tags).toContainEqual({ id: from.id, kind: 'removed' });
    expect(changes?.annotations).toEqual([{ id: a.id, kind: 'updated', sourceId }]);
    expect(changes?.sources).toEqual([{ id: sourceId, kind: 'updated', metadata: false }]);
  });

  it('a brief autosave lists the brief, carries its origin, and is not a source change', async () => {
    const { s, events } = await notebook();
    const brief = await call(s, 'createBrief', { title: 'Accord' });
    expect(last(events).changes?.briefs).toEqual([{ id: brief.id, kind: 'added' }]);
    const doc = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Draft' }] }] };
    await call(s, 'updateBrief', { id: brief.id, doc, origin: 'editor-1' });
    expect(last(events)).toMatchObject({
      reason: 'edit',
      origin: 'editor-1',
      changes: { briefs: [{ id: brief.id, kind: 'updated' }], sources: [], annotations: [] },
    });
    await s.service.undo({});
    expect(last(events).origin).toBeUndefined();
    expect(last(events)).toMatchObject({ reason: 'undo', changes: { briefs: [{ id: brief.id, kind: 'updated' }] } });
  });

  it('a change of the statuses list is a flag, not records', async () => {
    const { s, events } = await notebook();
    await call(s, 'setStatuses', { statuses: ['open', 'checked'] });
    expect(last(events).changes).toMatchObject({ statuses: true, notebook: false, sources: [] });
  });
});

describe('diffById', () => {
  it('tells added, updated and removed records apart, ignoring equal copies', () => {
    const before = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'c', n: 3 },
    ];
    const after = [
      { id: 'a', n: 1 },
      { id: 'b', n: 9 },
      { id: 'd', n: 4 },
    ];
    expect(diffById(before, after)).toEqual([
      { id: 'b', kind: 'updated' },
      { id: 'd', kind: 'added' },
      { id: 'c', kind: 'removed' },
    ]);
  });

  it('finds what comparing every record by id finds when the lists share objects (as immer leaves them)', () => {
    /** The diff without passing over shared ends: every record of both lists, by id. */
    const everyRecord = (before: Array<{ id: string }>, after: Array<{ id: string }>) => {
      const old = new Map(before.map((r) => [r.id, r]));
      const now = new Map(after.map((r) => [r.id, r]));
      return [
        ...[...now].flatMap(([id, r]) =>
          !old.has(id)
            ? [{ id, kind: 'added' }]
            : old.get(id) !== r && !isDeepStrictEqual(old.get(id), r)
              ? [{ id, kind: 'updated' }]
              : [],
        ),
        ...[...old.keys()].filter((id) => !now.has(id)).map((id) => ({ id, kind: 'removed' })),
      ];
    };
    const record = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), n: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(
        fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 12 }),
        fc.array(fc.oneof(fc.nat(), record), { maxLength: 12 }),
        (before, picks) => {
          // The list after: records of the list before (the same objects), copies and new ones, ids once each.
          const seen = new Set<string>();
          const after: Array<{ id: string; n: number }> = [];
          for (const p of picks) {
            const r = typeof p === 'number' ? before[p % Math.max(1, before.length)] : p;
            if (!r || seen.has(r.id)) continue;
            seen.add(r.id);
            after.push(r);
          }
          expect(diffById(before, after)).toEqual(everyRecord(before, after));
        },
      ),
      { numRuns: 500 },
    );
    // A source added to a long list: the records before it are the same objects.
    const many = Array.from({ length: 20_000 }, (_, i) => ({ id: `src_${i}` }));
    expect(diffById(many, [...many, { id: 'src_new' }])).toEqual([{ id: 'src_new', kind: 'added' }]);
    expect(diffById(many, many.slice(1))).toEqual([{ id: 'src_0', kind: 'removed' }]);
  });
});

describe('computeChangeSet when a touched file cannot be read', () => {
  it('still names the source it touched, and takes an unreadable manifest as a notebook change', async () => {
    const patches = [{ op: 'replace' as const, path: ['annotations', 0, 'status'], value: 'disputed' }];
    const inverse = [{ op: 'replace' as const, path: ['annotations', 0, 'status'], value: 'unverified' }];
    const unreadable = () => Promise.reject(new Error('corrupt'));
    const set = await computeChangeSet(
      [
        { file: { kind: 'source', id: 'src_a' }, patches, inverse },
        {
          file: { kind: 'manifest' },
          patches: [{ op: 'replace', path: ['title'], value: 'B' }],
          inverse: [{ op: 'replace', path: ['title'], value: 'A' }],
        },
      ],
      'forward',
      unreadable,
    );
    expect(set.sources).toEqual([{ id: 'src_a', kind: 'updated', metadata: false }]);
    expect(set.annotations).toEqual([]);
    expect(set.notebook).toBe(true);
  });
});
