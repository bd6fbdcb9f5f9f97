/**
 * Exporting a brief and resolving citations collect only the claims asked
 * for: an export keeps the claims its brief refers to (citations and live
 * facts), not every claim of the notebook, and writes the same file as an
 * export from a context of every claim.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeSyntheticNotebook } from '../../../bench/lib/synthetic-notebook';
import { exportBrief, referencedAnnotationIds } from '../../../main/services/briefs/index';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { fullBriefContext } from '../../helpers/full-brief-context';
import { tempDir } from '../../helpers/temp-dir';

/** How many claims each context the brief methods built over the notebook held. */
const built = vi.hoisted(() => [] as number[]);
vi.mock('../../../main/services/briefs/context', async (original) => {
  const actual = await original<typeof import('../../../main/services/briefs/context')>();
  return {
    ...actual,
    briefContextFromStream: async (...args: Parameters<typeof actual.briefContextFromStream>) => {
      const ctx = await actual.briefContextFromStream(...args);
      built.push(ctx.annotations.length);
      return ctx;
    },
  };
});

const SOURCES = 30;
let dir: string;
let cleanup: () => Promise<void>;
let s: NotebookSession;

beforeAll(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  dir = path.join(t.dir, 'export.dossier');
  await writeSyntheticNotebook(dir, SOURCES, 3, 5);
  s = await openNotebookSession(dir);
});

afterAll(async () => {
  await s?.close();
  await cleanup?.();
});

describe('a brief export', () => {
  it('keeps only the claims its brief cites or counts, and writes what an export of every claim writes', async () => {
    const all = await fullBriefContext(dir);
    expect(all.annotations.length).toBeGreaterThan(SOURCES);
    const chosen = [5, 40, all.annotations.length - 1].map((i) => all.annotations[i]!.annotation.id);
    const brief = await s.service.draftBrief({ annotationIds: chosen, language: 'en' });
    const referenced = referencedAnnotationIds(brief.doc);
    // the chosen claims, cited and counted by the overview, and nothing else
    expect([...referenced].sort()).toEqual([...chosen].sort());

    for (const format of ['md', 'html'] as const) {
      built.length = 0;
      const exported = await s.service.exportBrief({ briefId: brief.id, format });
      expect(built).toEqual([chosen.length]);
      expect(new TextDecoder().decode(exported.bytes)).toBe(
        new TextDecoder().decode(await exportBrief(brief, all, format)),
      );
    }
  });

  it('resolving citations keeps only the claims asked for', async () => {
    built.length = 0;
    const [first] = (await fullBriefContext(dir)).annotations;
    const resolved = await s.service.resolveCitations({ annotationIds: [first!.annotation.id, 'ann_gone'] });
    expect(built).toEqual([1]);
    expect(resolved[0]).toEqual({ annotation: first!.annotation, source: first!.source });
    expect(resolved[1]).toBeNull();
  });

  it('after a scan, reads only the sources that hold the claims asked for; an unknown one makes it read all', async () => {
    // Nothing kept of the sources between scans: each read is a file read.
    const reader = await openNotebookSession(dir, { readOnly: true, sourceCacheBytes: 1, sourceHeadBytes: 1 });
    try {
      const { annotations } = await fullBriefContext(dir);
      const asked = [annotations[3]!, annotations[annotations.length - 2]!];
      const ids = asked.map((c) => c.annotation.id);
      const resolve = async (annotationIds: string[]) => {
        const before = reader.store.sourceFilesRead;
        const resolved = await reader.service.resolveCitations({ annotationIds });
        return { resolved, read: reader.store.sourceFilesRead - before };
      };
      // The first time, the store does not know where they are: every source is read.
      const first = await resolve(ids);
      expect(first.read).toBe(SOURCES);
      // Then only their two sources are.
      const second = await resolve(ids);
      expect(second.read).toBe(2);
      expect(second.resolved).toEqual(first.resolved);
      expect(second.resolved).toEqual(asked.map((c) => ({ annotation: c.annotation, source: c.source })));
      // A claim never met (here: gone) sends it through every source again.
      expect((await resolve([...ids, 'ann_gone'])).read).toBe(SOURCES);
    } finally {
      await reader.close();
    }
  });
});
