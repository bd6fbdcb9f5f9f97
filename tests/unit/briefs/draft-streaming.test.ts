/**
 * Drafting a brief through the API streams over the notebook: it keeps only
 * the claims the draft can use (those it selects and those a relation leads
 * to), loads no source into the store's cache of whole files, and gives the
 * same document as drafting from a context of every claim. The brief it
 * returns is the one saved, and cannot be changed behind the store's back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticNotebook } from '../../../bench/lib/synthetic-notebook';
import {
  draftBriefFromActor,
  draftBriefFromAnnotations,
  draftBriefFromTag,
  type BriefDraft,
} from '../../../main/services/briefs/index';
import { briefMethods } from '../../../main/services/briefs/brief-methods';
import { createServiceContext } from '../../../main/services/service-context';
import { NotebookStore } from '../../../main/services/store/notebook-store';
import type { ApiInput } from '../../../shared/api';
import type { NotebookManifest, SourceFile } from '../../../shared/model';
import { fullBriefContext } from '../../helpers/full-brief-context';
import { tempDir } from '../../helpers/temp-dir';

const SOURCES = 40;
let dir: string;
let cleanup: () => Promise<void>;
let store: NotebookStore;
let methods: ReturnType<typeof briefMethods>;
let ctx: ReturnType<typeof createServiceContext>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeSyntheticNotebook(dir, SOURCES, 4, 11, { actors: 2 });
  // tag_2 under tag_1; relations from claims of that subtree to claims outside it; act_1 on some claims.
  const file = path.join(dir, 'notebook.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as NotebookManifest;
  manifest.tags.find((t) => t.id === 'tag_2')!.parentId = 'tag_1';
  manifest.relations.push(
    { id: 'rel_a', from: 'ann_0_1', to: 'ann_1_0', type: 'corroborates' },
    { id: 'rel_b', from: 'ann_3_3', to: 'ann_2_2', type: 'contradicts' },
    { id: 'rel_c', from: 'ann_5_1', to: 'ann_6_1', type: 'elaborates' },
  );
  await writeFile(file, JSON.stringify(manifest, null, 1));
  for (const s of manifest.sources.filter((_, i) => i % 3 === 0)) {
    const sourceFile = path.join(dir, 'sources', `${s.id}.json`);
    const data = JSON.parse(await readFile(sourceFile, 'utf8')) as SourceFile;
    data.annotations[0]!.actors.push({ actorId: 'act_1', role: 'subject', stance: 'supports' });
    await writeFile(sourceFile, JSON.stringify(data, null, 1));
  }
  store = await NotebookStore.open(dir, { sourceCacheBytes: 1 });
  ctx = createServiceContext(store, () => undefined);
  methods = briefMethods(ctx);
});

afterAll(async () => {
  await store?.close();
  await cleanup?.();
});

describe('drafting a brief over a notebook', () => {
  it('gives the document drafting from every claim gave, from a tag, an actor and chosen claims', async () => {
    const all = await fullBriefContext(dir);
    const cases: Array<[ApiInput<'draftBrief'>, BriefDraft]> = [
      [{ tagId: 'tag_1' }, draftBriefFromTag(all, 'tag_1', 'en')],
      [{ actorId: 'act_1' }, draftBriefFromActor(all, 'act_1', 'en')],
      [
        { annotationIds: ['ann_3_3', 'ann_0_1', 'ann_9_0'] },
        draftBriefFromAnnotations(all, ['ann_3_3', 'ann_0_1', 'ann_9_0'], undefined, 'en'),
      ],
    ];
    const drafted: string[] = [];
    for (const [input, expected] of cases) {
      const brief = await methods.draftBrief({ ...input, language: 'en' });
      expect(brief.doc).toEqual(expected.doc);
      drafted.push(JSON.stringify(brief.doc));
    }
    // the tag's draft cites a claim outside the tag, reached by a relation only
    expect(drafted[0]).toContain('"annotationId":"ann_1_0"');
  });

  it('loads no source into the cache of whole files, and reads each at most once', async () => {
    const before = store.sourceCacheUse.files;
    const readBefore = store.sourceFilesRead;
    await methods.draftBrief({ tagId: 'tag_3', language: 'en' });
    expect(store.sourceCacheUse.files).toBe(before);
    // every source was visited once, at most (a source read before is not read again)
    expect(store.sourceFilesRead - readBefore).toBeLessThanOrEqual(SOURCES);
  });

  it('returns the brief it saved, which cannot be changed except through the API', async () => {
    const drafted = await methods.draftBrief({ tagId: 'tag_0', language: 'en' });
    expect(await methods.getBrief({ id: drafted.id })).toEqual(drafted);
    const firstBlock = drafted.doc.content![0]!;
    expect(() => {
      (drafted as { title: string }).title = 'changed behind the store';
    }).toThrow(TypeError);
    expect(() => (drafted.doc.content as unknown[]).push({ type: 'paragraph' })).toThrow(TypeError);
    expect((await methods.getBrief({ id: drafted.id })).title).toBe(drafted.title);
    // changed through the API it is, and undo takes the change back
    const doc = { type: 'doc' as const, content: [firstBlock] };
    await methods.updateBrief({ id: drafted.id, doc });
    expect((await methods.getBrief({ id: drafted.id })).doc).toEqual(doc);
    await ctx.undo();
    expect((await methods.getBrief({ id: drafted.id })).doc).toEqual(drafted.doc);
  });
});
