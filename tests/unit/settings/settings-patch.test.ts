/**
 * A settings change names only what it changes: saving one setting (the
 * theme from the Settings dialog, then the font size) leaves the others as
 * they were, through the API door the app and the browser use.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SettingsPatch } from '../../../shared/settings';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { SETTINGS_FILE } from '../../../main/services/settings/user-settings';

let root: string;
let session: NotebookSession | undefined;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-settings-patch-'));
});
afterEach(async () => {
  await session?.close();
  await rm(root, { recursive: true, force: true });
});

it('a patch holds only the fields it names (no defaults filled in)', () => {
  expect(SettingsPatch.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
  expect(SettingsPatch.parse({})).toEqual({});
  expect(() => SettingsPatch.parse({ readerFontSize: 500 })).toThrow();
});

it('one change after another: each keeps the ones before', async () => {
  const config = path.join(root, 'config');
  session = await openNotebookSession(path.join(root, 'n.dossier'), { settingsDir: config });
  for (const patch of [
    { theme: 'dark' },
    { readerFontSize: 24 },
    { organisation: 'Northfield Fact Desk' },
    { sync: { everyMinutes: 15, onClose: true } },
  ])
    expect((await callApi(session.service, 'updateSettings', patch)).ok).toBe(true);
  const stored = JSON.parse(await readFile(path.join(config, SETTINGS_FILE), 'utf8')) as Record<string, unknown>;
  expect(stored).toMatchObject({
    theme: 'dark',
    readerFontSize: 24,
    organisation: 'Northfield Fact Desk',
    sync: { everyMinutes: 15, onClose: true },
  });
});
