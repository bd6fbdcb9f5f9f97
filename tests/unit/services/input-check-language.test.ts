/**
 * An input the API door refuses is explained in the caller's language: zod's
 * own wording through its locale for that parse only (never a global setting
 * that a caller in another language could change meanwhile), and a schema's
 * own message through the `common` catalogue.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';

let root: string;
let s: NotebookSession;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-input-language-'));
  s = await openNotebookSession(path.join(root, 'n.dossier'), { settingsDir: path.join(root, 'config') });
});
afterAll(async () => {
  await s.close();
  await rm(root, { recursive: true, force: true });
});

const en = createTranslator('en');
const sv = createTranslator('sv');
const message = (r: unknown) => (r as { ok: false; error: { message: string } }).error.message;

describe('input checks in the person’s language', () => {
  it('says zod’s own wording in Swedish, and in English for an English caller', async () => {
    const [swedish, english] = await Promise.all([
      callApi(s.service, 'getSource', { id: 5 }, sv),
      callApi(s.service, 'getSource', { id: 5 }, en),
    ]);
    expect(message(swedish)).toBe('Ogiltig indata (id): Ogiltig inmatning: förväntat string, fick antal');
    expect(message(english)).toBe('Invalid input (id): Invalid input: expected string, received number');
  });

  it('leaves zod’s global configuration alone', async () => {
    await callApi(s.service, 'getSource', { id: 5 }, sv);
    expect(z.string().safeParse(5).error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
  });

  it('says a schema’s own message from the catalogue', async () => {
    const input = { id: 'src_nothing', patch: { title: '   ' } };
    expect(message(await callApi(s.service, 'updateSourceMeta', input, sv))).toBe(
      'Ogiltig indata (patch.title): Titeln får inte vara tom.',
    );
    expect(message(await callApi(s.service, 'updateSourceMeta', input))).toBe(
      'Invalid input (patch.title): The title cannot be empty.',
    );
    const date = { id: 'src_nothing', patch: { publishedAt: '2018-02-31' } };
    expect(message(await callApi(s.service, 'updateSourceMeta', date, sv))).toMatch(/ÅÅÅÅ-MM-DD/);
  });

  it('says the shared model’s and the API’s own messages from the catalogue too (a snapshot id, a commit id)', async () => {
    const snapshot = { id: 'yesterday' };
    expect(message(await callApi(s.service, 'restoreSnapshot', snapshot, sv))).toContain('ögonblicksbild');
    expect(message(await callApi(s.service, 'restoreSnapshot', snapshot))).toContain('not a snapshot id');
    const commit = { commit: 'HEAD~1', kind: 'brief', id: 'brf_x' };
    expect(message(await callApi(s.service, 'getTimelineState', commit, sv))).toContain('commit-id');
  });
});
