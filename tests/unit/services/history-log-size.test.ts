/**
 * The saved undo history is bounded in bytes, not only in actions: an import
 * keeps whole source files in its entry, so a few big imports would otherwise
 * grow .cache/history.jsonl without end. Past the limit the log is rewritten
 * without the oldest actions, and the history in use drops them too, so the
 * one reloaded next time is the same.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { History, type HistoryEntry } from '../../../main/services/history';
import { BLOB_MIN_BYTES, HISTORY_LOG, HistoryLog } from '../../../main/services/history-log';
import type { NotebookStore } from '../../../main/services/store/notebook-store';
import { sampleSourceFile, tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const LIMIT = 20_000;
/** Undo and redo write nothing here: the test is about the log. */
const store = { applyChange: async () => undefined } as unknown as NotebookStore;

/** An import of one ~5 kB source: its whole file rides in the entry's lifecycle. */
function importEntry(i: number): HistoryEntry {
  const data = sampleSourceFile(`src${i}`, `Paragraph ${i}. ${'The harbour accord was signed. '.repeat(160)}`);
  return {
    label: `Import ${i}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    changes: [
      { file: { kind: 'source', id: `src${i}` }, patches: [], inverse: [], lifecycle: { kind: 'created', data } },
    ],
  } as HistoryEntry;
}

describe('history log size limit', () => {
  it('stays under the limit, drops the oldest actions in memory and on disk alike, and reloads the same', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const history = new History(store, new HistoryLog(t.dir, LIMIT));
    for (let i = 0; i < 12; i++) {
      history.record(importEntry(i));
      await history.idle();
      expect((await stat(path.join(t.dir, HISTORY_LOG))).size).toBeLessThanOrEqual(LIMIT);
    }
    const labels = history.timeline().entries.map((e) => e.label);
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.length).toBeLessThan(12);
    // The newest are kept, in order; the oldest went.
    expect(labels).toEqual(Array.from({ length: labels.length }, (_, k) => `Import ${12 - labels.length + k}`));

    // Each line is JSON exactly as JSON.stringify writes it (the snapshot is put together from its entries).
    const lines = (await readFile(path.join(t.dir, HISTORY_LOG), 'utf8')).split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^\{"op":"snapshot"/);
    for (const line of lines) expect(JSON.stringify(JSON.parse(line))).toBe(line);

    await history.undo();
    await history.idle();
    const reloaded = new History(store, new HistoryLog(t.dir, LIMIT));
    await reloaded.load();
    expect(reloaded.timeline()).toEqual(history.timeline());
    expect(reloaded.timeline().current).toBe(labels.length - 1);
  });

  it('a log saved under a larger limit is trimmed at the next action', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const roomy = new History(store, new HistoryLog(t.dir, LIMIT * 10));
    for (let i = 0; i < 8; i++) roomy.record(importEntry(i));
    await roomy.idle();
    expect((await stat(path.join(t.dir, HISTORY_LOG))).size).toBeGreaterThan(LIMIT);

    const tight = new History(store, new HistoryLog(t.dir, LIMIT));
    await tight.load();
    expect(tight.timeline().entries).toHaveLength(8);
    tight.record(importEntry(8));
    await tight.idle();
    expect((await stat(path.join(t.dir, HISTORY_LOG))).size).toBeLessThanOrEqual(LIMIT);
    expect(tight.timeline().entries.at(-1)?.label).toBe('Import 8');
    expect(tight.timeline().entries.length).toBeLessThan(9);
  });

  it('a large brief an older log holds in its line goes to a blob when the log is rewritten, and reloads', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const text = 'The harbour board said the night ferry waits for lighting. '.repeat(8000);
    const brief = {
      id: 'brf_big',
      title: 'Every claim',
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const entry = {
      label: 'Draft brief',
      at: '2026-01-01T00:00:00.000Z',
      changes: [
        {
          file: { kind: 'brief', id: 'brf_big' },
          patches: [],
          inverse: [],
          lifecycle: { kind: 'created', data: { schemaVersion: 1, brief } },
        },
      ],
    };
    // As a build before the blobs wrote it: the brief inside its line.
    await mkdir(path.join(t.dir, '.cache'), { recursive: true });
    await writeFile(path.join(t.dir, HISTORY_LOG), `${JSON.stringify({ op: 'record', entry, stamps: {} })}\n`);
    // A limit below that line: the next step rewrites the log.
    const history = new History(store, new HistoryLog(t.dir, BLOB_MIN_BYTES));
    await history.load();
    history.record(importEntry(1));
    await history.idle();
    expect((await stat(path.join(t.dir, HISTORY_LOG))).size).toBeLessThan(BLOB_MIN_BYTES);
    const reloaded = new History(store, new HistoryLog(t.dir, BLOB_MIN_BYTES));
    await reloaded.load();
    expect(reloaded.timeline().entries.map((e) => e.label)).toEqual(['Draft brief', 'Import 1']);
  });
});
