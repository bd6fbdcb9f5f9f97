/**
 * The exchange formats' names a person reads come from the `enums` catalogue
 * in their language: the exported file’s name and the formats a refused file was
 * expected to be.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';

let root: string;
let s: NotebookSession;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-format-names-'));
  s = await openNotebookSession(path.join(root, 'Hamn.dossier'), { settingsDir: path.join(root, 'config') });
  await s.service.updateSettings({ language: 'sv' });
});
afterAll(async () => {
  await s.close();
  await rm(root, { recursive: true, force: true });
});

describe('exchange-format names in Swedish', () => {
  it('names the exported file with the format’s Swedish name', async () => {
    const file = await s.service.exportInterop({ format: 'bibtex' });
    expect(file.fileName).toMatch(/BibTeX-referenser\.bib$/);
  });

  it('lists the formats a refused file was expected to be, in Swedish words', async () => {
    const other = path.join(root, 'settings.json');
    await writeFile(other, '{"theme": "dark"}');
    const result = await s.service.importPaths({ paths: [other] });
    expect(result.rejected[0]?.reason).toMatch(/REFI-QDA-projekt eller REFI-QDA-kodbok$/);
  });
});
