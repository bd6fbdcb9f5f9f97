/**
 * The theme setting reaches Electron's nativeTheme (native menus and dialogs,
 * and the page's prefers-color-scheme): at start from the stored settings,
 * then after every change, whichever window or the CLI made it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

// The real electron module cannot load outside Electron; window.ts needs only these names to load.
vi.mock('electron', () => ({ BrowserWindow: class {}, shell: {} }));

const { followThemeSetting } = await import('../../../main/electron/window');
const { UserSettingsStore, SETTINGS_FILE } = await import('../../../main/services/settings/user-settings');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-theme-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('sets themeSource from the stored setting, then follows each change', async () => {
  await writeFile(path.join(dir, SETTINGS_FILE), JSON.stringify({ theme: 'dark' }));
  const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' };
  const store = UserSettingsStore.for(dir);
  await followThemeSetting(nativeTheme, store);
  expect(nativeTheme.themeSource).toBe('dark');
  await store.update({ theme: 'light' });
  expect(nativeTheme.themeSource).toBe('light');
  await store.update({ readerFontSize: 20 });
  expect(nativeTheme.themeSource).toBe('light');
  await store.update({ theme: 'system' });
  expect(nativeTheme.themeSource).toBe('system');
});
