/**
 * Notebook folders that live in git: the files are written the same way every
 * time (key order, indentation, one value per line), so an edit shows in a
 * diff as the lines it changed and nothing else.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';

const ARTICLE = `Harbour board delays the night ferry

The Vellmar harbour board postponed its decision on the night ferry to Brask until the spring.

"We will not run a service we cannot light safely," said board chair Ingrid Halvorsen.

The island's council said it regretted the delay.`;

/** The lines of `after` that differ from `before` (same length expected: an edit rewrites values in place). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return b.filter((line, i) => line !== a[i]).map((l) => l.trim());
}

let session: NotebookSession;
let cleanup: () => Promise<void>;
let dir: string;
beforeAll(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  dir = path.join(t.dir, 'git.dossier');
  session = await openNotebookSession(dir);
});
afterAll(async () => {
  await session.close();
  await cleanup();
});

describe('stable files for diffs', () => {
  it('an edit to one claim changes only that claim’s changed values in its source file', async () => {
    const s = session.service;
    const [source] = (await s.importText({ text: ARTICLE, name: 'ferry.txt' })).added;
    const text = (await s.getSource({ id: source!.id })).source.text;
    const ids: string[] = [];
    for (const quote of ['postponed its decision', 'cannot light safely', 'regretted the delay']) {
      const start = text.indexOf(quote);
      ids.push(
        (
          await s.createAnnotation({
            sourceId: source!.id,
            kind: 'claim',
            start,
            end: start + quote.length,
            tagIds: [],
            actors: [],
          })
        ).id,
      );
    }
    const file = path.join(dir, 'sources', `${source!.id}.json`);
    const before = await readFile(file, 'utf8');
    await s.updateAnnotation({ sourceId: source!.id, id: ids[1]!, patch: { status: 'disputed' } });
    const after = await readFile(file, 'utf8');
    const changed = changedLines(before, after);
    expect(changed.some((l) => l.startsWith('"status": "disputed"'))).toBe(true);
    expect(changed.every((l) => /^"(status|updatedAt)":/.test(l))).toBe(true);
    expect(changed.length).toBeLessThanOrEqual(2);
  });

  it('renaming a tag changes one line of notebook.json', async () => {
    const s = session.service;
    const tag = await s.createTag({ name: 'Ports' });
    await s.createTag({ name: 'Ferries' });
    const file = path.join(dir, 'notebook.json');
    const before = await readFile(file, 'utf8');
    await s.updateTag({ id: tag.id, name: 'Harbours' });
    expect(changedLines(before, await readFile(file, 'utf8'))).toEqual(['"name": "Harbours",']);
  });
});
