/**
 * A person's settings: kept in their configuration folder, shared by every
 * notebook session, checked on the way in, and a broken file costs nothing
 * but the defaults (it stays as it was until the person changes a setting).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import type { UserSettings } from '../../../shared/settings';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { callApi, openNotebookSession, userConfigDir, type NotebookSession } from '../../../main/services/session';
import { SETTINGS_FILE } from '../../../main/services/settings/user-settings';

let root: string;
const sessions: NotebookSession[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dossier-settings-'));
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await rm(root, { recursive: true, force: true });
});

async function open(name: string, settingsDir: string) {
  const session = await openNotebookSession(path.join(root, name), { settingsDir });
  sessions.push(session);
  return session;
}

describe('user settings', () => {
  it('starts from the defaults, writes a change to the configuration folder, and every open notebook hears it', async () => {
    const config = path.join(root, 'config');
    const a = await open('a.dossier', config);
    const b = await open('b.dossier', config);
    expect(await callApi(a.service, 'getSettings', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const heard: ApiEvent[] = [];
    b.onEvent((e) => heard.push(e));

    const updated = await callApi(a.service, 'updateSettings', { language: 'sv', readerFontSize: 21 });
    expect(updated.ok && updated.value).toMatchObject({ language: 'sv', readerFontSize: 21, theme: 'system' });
    const onDisk = JSON.parse(await readFile(path.join(config, SETTINGS_FILE), 'utf8'));
    expect(onDisk).toMatchObject({ language: 'sv', readerFontSize: 21 });
    expect(heard).toContainEqual(expect.objectContaining({ type: 'settings-changed' }));
    const fromB = await callApi(b.service, 'getSettings', {});
    expect(fromB.ok && (fromB.value as UserSettings).language).toBe('sv');
    // Nothing of it went into either notebook.
    for (const dir of ['a.dossier', 'b.dossier'])
      expect(await readFile(path.join(root, dir, 'notebook.json'), 'utf8')).not.toContain('readerFontSize');
  });

  it('refuses values out of range and unknown fields, and keeps what was there', async () => {
    const config = path.join(root, 'config2');
    const s = await open('c.dossier', config);
    await callApi(s.service, 'updateSettings', { theme: 'dark' });
    for (const bad of [{ readerFontSize: 99 }, { theme: 'neon' }, { colour: 'red' }, { language: 'xx' }]) {
      const result = await callApi(s.service, 'updateSettings', bad as never);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
    }
    const now = await callApi(s.service, 'getSettings', {});
    expect(now.ok && (now.value as UserSettings).theme).toBe('dark');
  });

  it('opens with the defaults when the settings file is broken, and leaves the file alone until a change', async () => {
    const config = path.join(root, 'config3');
    await import('node:fs/promises').then((fs) => fs.mkdir(config, { recursive: true }));
    await writeFile(path.join(config, SETTINGS_FILE), '{"language": "sv", "readerFontSize": "huge"');
    const s = await open('d.dossier', config);
    const got = await callApi(s.service, 'getSettings', {});
    expect(got).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(await readFile(path.join(config, SETTINGS_FILE), 'utf8')).toContain('"huge"');
    await callApi(s.service, 'updateSettings', { theme: 'light' });
    expect(JSON.parse(await readFile(path.join(config, SETTINGS_FILE), 'utf8'))).toMatchObject({ theme: 'light' });
  });

  it('finds the configuration folder Electron uses for the app, on each platform', () => {
    const home = '/home/ana';
    expect(userConfigDir({ env: {}, platform: 'linux', home })).toBe('/home/ana/.config/Dossier');
    expect(userConfigDir({ env: { XDG_CONFIG_HOME: '/x/cfg' }, platform: 'linux', home })).toBe('/x/cfg/Dossier');
    expect(userConfigDir({ env: {}, platform: 'darwin', home })).toBe('/home/ana/Library/Application Support/Dossier');
    expect(userConfigDir({ env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, platform: 'win32', home })).toBe(
      path.join('C:\\Users\\ana\\AppData\\Roaming', 'Dossier'),
    );
    expect(userConfigDir({ env: { DOSSIER_CONFIG_DIR: '/tmp/c' }, userData: '/u' })).toBe('/tmp/c');
    expect(userConfigDir({ env: {}, userData: '/u' })).toBe('/u');
  });
});
