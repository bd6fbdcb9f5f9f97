/**
 * Deleting a source (with its annotations, their relations and mentions) as
 * one undoable step, and the files an import or a delete writes: undo leaves
 * no file the manifest does not list, redo brings them back.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import type { ApiEvent, DossierService, MethodName } from '../../../shared/api';
import { citationNode, paragraphNode } from '../../../shared/brief-doc';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Calls a method through the API's door (zod defaults applied, errors as DossierError-like objects). */
async function api<M extends MethodName>(
  s: NotebookSession,
  method: M,
  input: unknown,
): Promise<Awaited<ReturnType<DossierService[M]>>> {
  const result = await callApi(s.service, method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as Awaited<ReturnType<DossierService[M]>>;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

const HARBOUR = `Harbour accord signed in Vellmar

Mayor Ingrid Halvorsen signed the harbour accord on Tuesday. The ferry will run every night from May.

Critics said the cost could double within two years.`;

const FERRY = `Night ferry to Brask approved

The council approved the night ferry on Tuesday after a long debate.

Ingrid Halvorsen called the ferry a lifeline for the islands.`;

async function session(): Promise<NotebookSession> {
  const t = await tempDir();
  const s = await openNotebookSession(path.join(t.dir, 'delete.dossier'));
  cleanups.push(t.cleanup, () => s.close());
  return s;
}

/** The .json files in the notebook's sources folder. */
async function filesOnDisk(s: NotebookSession): Promise<string[]> {
  return (await readdir(path.join(s.dir, 'sources'))).filter((n) => n.endsWith('.json')).sort();
}

const listed = (s: NotebookSession) => s.store.manifest.sources.map((m) => `${m.id}.json`).sort();

async function twoSources(s: NotebookSession) {
  const { added } = await api(s, 'importFiles', {
    files: [
      { name: 'harbour.txt', bytes: utf8(HARBOUR) },
      { name: 'ferry.txt', bytes: utf8(FERRY) },
    ],
  });
  const [harbour, ferry] = added;
  const claim = await api(s, 'addClaimByQuote', { sourceId: harbour!.id, quote: 'The ferry will run every night' });
  const highlight = await api(s, 'addClaimByQuote', {
    sourceId: harbour!.id,
    quote: 'the cost could double',
    kind: 'highlight',
  });
  const other = await api(s, 'addClaimByQuote', { sourceId: ferry!.id, quote: 'approved the night ferry' });
  const ferryText = (await api(s, 'getSource', { id: ferry!.id })).source.text;
  const at = ferryText.indexOf('a lifeline for the islands');
  const { relation } = await api(s, 'acceptCorroboration', {
    annotationId: claim.id,
    sourceId: ferry!.id,
    start: at,
    end: at + 'a lifeline for the islands'.length,
    type: 'corroborates',
  });
  return { harbour: harbour!, ferry: ferry!, claim, highlight, other, relation };
}

describe('deleteSource', () => {
  it('removes the source, its file and the relations of its claims; undo brings all back; redo deletes again', async () => {
    const s = await session();
    const { harbour, ferry, claim, highlight, other, relation } = await twoSources(s);
    const fileBefore = await readFile(s.store.sourceFilePath(harbour.id), 'utf8');
    const relationsBefore = structuredClone(s.store.manifest.relations);
    expect(relationsBefore.map((r) => r.id)).toContain(relation.id);
    const events: ApiEvent[] = [];
    s.onEvent((e) => events.push(e));

    const result = await api(s, 'deleteSource', { id: harbour.id });
    expect(result).toEqual({ id: harbour.id, title: 'Harbour accord signed in Vellmar', annotations: 2, relations: 1 });
    expect((await api(s, 'listSources', {})).map((m) => m.id)).toEqual([ferry.id]);
    await expect(api(s, 'getSource', { id: harbour.id })).rejects.toMatchObject({ code: 'not-found' });
    expect(await filesOnDisk(s)).toEqual([`${ferry.id}.json`]);
    expect(s.store.manifest.relations).toEqual([]);
    // The corroborating claim in the other source stays (it is that source's claim).
    const ferryAnns = (await api(s, 'getSource', { id: ferry.id })).annotations.map((a) => a.id);
    expect(ferryAnns).toContain(other.id);
    expect(ferryAnns).toHaveLength(2);

    const changed = events.at(-1);
    expect(changed).toMatchObject({
      type: 'notebook-changed',
      reason: 'edit',
      label: `Delete source “${harbour.title}”`,
    });
    const changes = changed?.type === 'notebook-changed' ? changed.changes : undefined;
    expect(changes?.sources).toContainEqual({ id: harbour.id, kind: 'removed', metadata: true });
    expect(changes?.annotations).toEqual(
      expect.arrayContaining([
        { id: claim.id, kind: 'removed', sourceId: harbour.id },
        { id: highlight.id, kind: 'removed', sourceId: harbour.id },
      ]),
    );
    expect(changes?.relations).toEqual([{ id: relation.id, kind: 'removed' }]);

    // One undo: the file (byte for byte), the listing, the annotations and the relation.
    const step = await api(s, 'undo', {});
    expect(step.label).toBe(`Delete source “${harbour.title}”`);
    expect(await readFile(s.store.sourceFilePath(harbour.id), 'utf8')).toBe(fileBefore);
    expect(await filesOnDisk(s)).toEqual(listed(s));
    const back = await api(s, 'getSource', { id: harbour.id });
    expect(back.annotations.map((a) => a.id).sort()).toEqual([claim.id, highlight.id].sort());
    expect(s.store.manifest.relations).toEqual(relationsBefore);
    const undone = events.at(-1);
    expect(undone?.type === 'notebook-changed' ? undone.changes?.annotations : undefined).toEqual(
      expect.arrayContaining([{ id: claim.id, kind: 'added', sourceId: harbour.id }]),
    );

    await api(s, 'redo', {});
    expect(await filesOnDisk(s)).toEqual([`${ferry.id}.json`]);
    expect(s.store.manifest.sources.map((m) => m.id)).toEqual([ferry.id]);

    // A reopened notebook agrees with the disk.
    await api(s, 'undo', {});
    await s.close();
    const again = await openNotebookSession(s.dir);
    cleanups.push(() => again.close());
    expect((await api(again, 'getSource', { id: harbour.id })).annotations).toHaveLength(2);
  });

  it('a brief citing one of its claims shows "source removed" for it, and the claim again after undo', async () => {
    const s = await session();
    const { harbour, claim, other } = await twoSources(s);
    const brief = await api(s, 'createBrief', {
      title: 'Ferry',
      doc: { type: 'doc', content: [paragraphNode([citationNode({ annotationId: claim.id })])] },
    });
    await api(s, 'deleteSource', { id: harbour.id });
    const [gone, kept, unknown] = await api(s, 'resolveCitations', {
      annotationIds: [claim.id, other.id, 'ann_never'],
    });
    expect(gone).toEqual({ sourceRemoved: { id: harbour.id, title: harbour.title } });
    expect(kept && 'annotation' in kept ? kept.annotation.id : undefined).toBe(other.id);
    expect(unknown).toBeNull();
    // The brief itself is untouched, still loads and still exports (the citation as removed).
    expect((await api(s, 'getBrief', { id: brief.id })).doc).toEqual(brief.doc);
    const md = await api(s, 'exportBrief', { briefId: brief.id, format: 'md' });
    expect(new TextDecoder().decode(md.bytes)).toMatch(/\\?\[citation removed\\?\]/);

    await api(s, 'undo', {});
    const [restored] = await api(s, 'resolveCitations', { annotationIds: [claim.id] });
    expect(restored && 'annotation' in restored ? restored.source.id : undefined).toBe(harbour.id);
    expect(s.store.manifest.deletedSources ?? []).toEqual([]);
  });

  it('drops the source from actor pages (mentions without a claim)', async () => {
    const s = await session();
    const { ferry } = await twoSources(s);
    const actor = await api(s, 'createActor', { name: 'Ingrid Halvorsen', kind: 'person' });
    const mentioning = async () =>
      (await api(s, 'getActorPage', { actorId: actor.id })).mentionedOnly.map((m) => m.source.id);
    expect(await mentioning()).toContain(ferry.id);
    await api(s, 'deleteSource', { id: ferry.id });
    expect(await mentioning()).not.toContain(ferry.id);
    await expect(api(s, 'sourceMentions', { sourceId: ferry.id })).rejects.toMatchObject({ code: 'not-found' });
  }, 30_000);

  it('unlists a source whose file cannot be read, leaving the file untouched; undo lists it again', async () => {
    const s = await session();
    const { harbour, ferry } = await twoSources(s);
    await s.close();
    const broken = path.join(s.dir, 'sources', `${harbour.id}.json`);
    await writeFile(broken, '{ not json');
    const again = await openNotebookSession(s.dir);
    cleanups.push(() => again.close());
    await expect(api(again, 'getSource', { id: harbour.id })).rejects.toMatchObject({ code: 'corrupt' });

    const result = await api(again, 'deleteSource', { id: harbour.id });
    expect(result).toEqual({ id: harbour.id, title: harbour.title, annotations: 0, relations: 0 });
    expect((await api(again, 'listSources', {})).map((m) => m.id)).toEqual([ferry.id]);
    expect(await readFile(broken, 'utf8')).toBe('{ not json');

    await api(again, 'undo', {});
    expect((await api(again, 'listSources', {})).map((m) => m.id)).toEqual([harbour.id, ferry.id]);
    expect(await readFile(broken, 'utf8')).toBe('{ not json');
  });

  it('refuses an unknown id without changing anything', async () => {
    const s = await session();
    await twoSources(s);
    const before = await filesOnDisk(s);
    const undoLabel = (await api(s, 'getHistory', {})).undoLabel;
    await expect(api(s, 'deleteSource', { id: 'src_missing' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await filesOnDisk(s)).toEqual(before);
    expect((await api(s, 'getHistory', {})).undoLabel).toBe(undoLabel);
  });
});

describe('undo of an import', () => {
  it('deletes the files it wrote; redo writes them again; no file is left unlisted', async () => {
    const s = await session();
    const files = Array.from({ length: 5 }, (_, i) => ({
      name: `article-${i}.txt`,
      bytes: utf8(`Article number ${i}\n\n${HARBOUR.replace('Tuesday', `day ${i}`)} Paragraph ${i * 7919}.`),
    }));
    const { added } = await api(s, 'importFiles', { files });
    expect(added).toHaveLength(5);
    expect(await filesOnDisk(s)).toEqual(listed(s));
    const contents = await Promise.all(added.map((a) => readFile(s.store.sourceFilePath(a.id), 'utf8')));

    const step = await api(s, 'undo', {});
    expect(step.label).toMatch(/Import/);
    expect(s.store.manifest.sources).toEqual([]);
    expect(await filesOnDisk(s)).toEqual([]);
    expect(await s.store.unlistedSourceFiles()).toEqual([]);

    await api(s, 'redo', {});
    expect(await filesOnDisk(s)).toEqual(listed(s));
    expect(listed(s)).toHaveLength(5);
    expect(await Promise.all(added.map((a) => readFile(s.store.sourceFilePath(a.id), 'utf8')))).toEqual(contents);
    // The redone sources are usable: annotate one, undo twice, nothing is left.
    await api(s, 'addClaimByQuote', { sourceId: added[0]!.id, quote: 'Mayor Ingrid Halvorsen' });
    await api(s, 'undo', {});
    await api(s, 'undo', {});
    expect(await filesOnDisk(s)).toEqual([]);
  });
});
