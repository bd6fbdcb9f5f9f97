import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '../../../main/electron/args';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu';
import { keysFor, SHORTCUTS } from '../../../shared/shortcuts';
import { INTEROP_FORMATS } from '../../../shared/enums';
import { translatorFor } from '../../../main/services/settings/language';
import { MAX_RECENT, RecentNotebooks } from '../../../main/electron/recent';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('RecentNotebooks', () => {
  it('keeps the most recent first, without duplicates, capped', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const recent = RecentNotebooks.inFolder(path.join(t.dir, 'userData'));
    expect(await recent.list()).toEqual([]);
    for (let i = 0; i < MAX_RECENT + 3; i++) await recent.add(`/n/${i}.dossier`);
    await recent.add('/n/5.dossier');
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(path.resolve('/n/5.dossier'));
    expect(list.filter((d) => d.endsWith('/5.dossier'))).toHaveLength(1);
    await recent.remove('/n/5.dossier');
    expect(await recent.list()).not.toContain(path.resolve('/n/5.dossier'));
  });

  it('treats a damaged file as empty and replaces it on the next write', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'recent-notebooks.json');
    await writeFile(file, '{"version":1,"notebooks":[');
    const recent = new RecentNotebooks(file);
    expect(await recent.list()).toEqual([]);
    await recent.add('/n/A.dossier');
    expect(await recent.list()).toEqual([path.resolve('/n/A.dossier')]);
  });
});

describe('parseLaunchOptions', () => {
  it('reads --notebook in both forms, relative to the working directory', () => {
    expect(parseLaunchOptions(['.', '--notebook=Research.dossier'], {}, '/home/anna')).toEqual({
      notebook: '/home/anna/Research.dossier',
    });
    expect(parseLaunchOptions(['--notebook', '/tmp/x.dossier'], {}, '/')).toEqual({ notebook: '/tmp/x.dossier' });
  });
  it('falls back to DOSSIER_NOTEBOOK and reads DOSSIER_USER_DATA; the flag wins over the variable', () => {
    expect(parseLaunchOptions([], { DOSSIER_NOTEBOOK: 'nb', DOSSIER_USER_DATA: '/tmp/ud' }, '/w')).toEqual({
      notebook: '/w/nb',
      userData: '/tmp/ud',
    });
    expect(parseLaunchOptions(['--notebook=/a'], { DOSSIER_NOTEBOOK: '/b' }, '/')).toEqual({ notebook: '/a' });
    expect(parseLaunchOptions(['--notebook='], {}, '/')).toEqual({});
  });
});

describe('menu template', () => {
  function actionsSpy() {
    const calls: string[] = [];
    const actions: MenuActions = {
      newNotebook: () => calls.push('new'),
      openNotebook: () => calls.push('open'),
      openRecent: (dir) => calls.push(`recent:${dir}`),
      clearRecent: () => calls.push('clear'),
      importFiles: () => calls.push('import-files'),
      importFolder: () => calls.push('import-folder'),
      exportInterop: (format) => calls.push(`export:${format}`),
      print: () => calls.push('print'),
      sendToRenderer: (command) => calls.push(`send:${command}`),
      about: () => calls.push('about'),
      openReadme: () => calls.push('readme'),
      showLogs: () => calls.push('logs'),
    };
    return { calls, actions };
  }
  const sub = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
  const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
  const click = (item: MenuItemConstructorOptions | undefined) =>
    (item?.click as unknown as (() => void) | undefined)?.();

  it('has File, Edit, View and Help with the notebook and import items (Linux)', () => {
    const { calls, actions } = actionsSpy();
    const menu = buildMenuTemplate({
      platform: 'linux',
      isDev: false,
      appName: 'Dossier',
      recent: ['/n/Hamn.dossier'],
      actions,
    });
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    const file = sub(menu[0]);
    for (const label of ['New Notebook…', 'Open Notebook…', 'Import Files…', 'Import Folder…'])
      click(find(file, label));
    const recent = sub(find(file, 'Open Recent'));
    expect(recent[0]?.label).toBe('Hamn.dossier');
    click(recent[0]);
    expect(file.some((i) => i.role === 'quit')).toBe(true);
    expect(calls).toEqual(['new', 'open', 'import-files', 'import-folder', 'recent:/n/Hamn.dossier']);
  });

  it('File › Export has one item per exchange format, each exporting that format', () => {
    const { calls, actions } = actionsSpy();
    const menu = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Dossier', recent: [], actions });
    const items = sub(find(sub(menu[0]), 'Export'));
    expect(items.map((i) => i.label)).toEqual([
      'W3C Web Annotations (.jsonld)…',
      'REFI-QDA Project (.qdpx)…',
      'REFI-QDA Codebook (.qdc)…',
      'CSL-JSON References (.json)…',
      'BibTeX References (.bib)…',
      'RIS References (.ris)…',
      'ClaimReview Fact-checks (.jsonld)…',
    ]);
    for (const item of items) click(item);
    expect(calls).toEqual(INTEROP_FORMATS.map((f) => `export:${f}`));
  });

  it("File › Export names the exchange formats in the person's language", () => {
    const { actions } = actionsSpy();
    const translator = translatorFor('sv');
    const menu = buildMenuTemplate({
      platform: 'linux',
      isDev: false,
      appName: 'Dossier',
      recent: [],
      actions,
      translator,
    });
    const items = sub(find(sub(menu[0]), translator.t('menu:export')));
    expect(items.map((i) => i.label)).toContain('REFI-QDA-projekt (.qdpx)…');
    expect(items.map((i) => i.label)).toContain('BibTeX-referenser (.bib)…');
    expect(items).toHaveLength(INTEROP_FORMATS.length);
  });

  it('sends Edit › Find… (Ctrl/Cmd+K) to the renderer to open the command palette', () => {
    const { calls, actions } = actionsSpy();
    const menu = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Dossier', recent: [], actions });
    const findItem = find(sub(menu[1]), 'Find…');
    expect(findItem?.accelerator).toBe('CmdOrCtrl+K');
    click(findItem);
    expect(calls).toEqual(['send:search']);
  });

  it('sends File › Export Brief items to the renderer, one per format', () => {
    const { calls, actions } = actionsSpy();
    const menu = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Dossier', recent: [], actions });
    const exportMenu = sub(find(sub(menu[0]), 'Export Brief'));
    for (const item of exportMenu) click(item);
    expect(calls).toEqual([
      'send:export-brief:docx',
      'send:export-brief:pdf',
      'send:export-brief:md',
      'send:export-brief:html',
    ]);
  });

  it('sends Undo and Redo to the renderer instead of using native roles', () => {
    const { calls, actions } = actionsSpy();
    const menu = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Dossier', recent: [], actions });
    const edit = sub(menu[1]);
    expect(edit.some((i) => i.role === 'undo' || i.role === 'redo')).toBe(false);
    click(find(edit, 'Undo'));
    click(find(edit, 'Redo'));
    expect(calls).toEqual(['send:undo', 'send:redo']);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('offers reload and developer tools only in development', () => {
    const { actions } = actionsSpy();
    const roles = (isDev: boolean) =>
      sub(buildMenuTemplate({ platform: 'linux', isDev, appName: 'Dossier', recent: [], actions })[2]).map(
        (i) => i.role,
      );
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
  });

  it('shows a disabled placeholder when there is no recent notebook, and one Import… item on macOS', () => {
    const { actions } = actionsSpy();
    const mac = buildMenuTemplate({ platform: 'darwin', isDev: false, appName: 'Dossier', recent: [], actions });
    expect(mac[0]?.label).toBe('Dossier');
    const file = sub(find(mac, 'File'));
    expect(sub(find(file, 'Open Recent'))[0]).toMatchObject({ enabled: false });
    expect(file.filter((i) => i.label?.startsWith('Import'))).toHaveLength(1);
  });
});

describe('menu accelerators and the shared shortcut table', () => {
  const actions = new Proxy({}, { get: () => () => undefined }) as MenuActions;
  function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
  }
  /** Roles for which Electron adds a default accelerator when the item sets none (its role list). */
  const ROLES_WITH_DEFAULT_KEYS = new Set([
    'close',
    'copy',
    'cut',
    'hide',
    'hideOthers',
    'minimize',
    'paste',
    'pasteAndMatchStyle',
    'quit',
    'redo',
    'resetZoom',
    'selectAll',
    'togglefullscreen',
    'undo',
    'zoomIn',
    'zoomOut',
  ]);

  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`every accelerator of the ${platform} menu is the table's, and every menu shortcut of the table is in the menu`, () => {
      const items = flatten(
        buildMenuTemplate({ platform, isDev: false, appName: 'Dossier', recent: ['/n/A.dossier'], actions }),
      );
      const fromMenu = Object.fromEntries(
        items.filter((i) => i.accelerator).map((i) => [i.id ?? `(no id) ${i.label ?? i.role}`, i.accelerator]),
      );
      const fromTable = Object.fromEntries(
        SHORTCUTS.filter((s) => 'menu' in s && keysFor(s, platform).length > 0).map((s) => [
          s.id,
          keysFor(s, platform)[0],
        ]),
      );
      expect(fromMenu).toEqual(fromTable);
      // No role item silently keeps an Electron default the table does not list (Windows has no Quit key).
      const silent = items
        .filter((i) => i.role && ROLES_WITH_DEFAULT_KEYS.has(i.role) && !i.accelerator)
        .map((i) => i.role);
      expect(silent).toEqual(platform === 'win32' ? ['quit'] : []);
    });
  }

  it('Help › Keyboard Shortcuts (F1) asks the renderer for its dialog; Help › Show Logs opens the logs', () => {
    const calls: string[] = [];
    const spy = {
      ...actions,
      sendToRenderer: (c: string) => calls.push(`send:${c}`),
      showLogs: () => calls.push('logs'),
    } as MenuActions;
    const help = buildMenuTemplate({
      platform: 'linux',
      isDev: false,
      appName: 'Dossier',
      recent: [],
      actions: spy,
    }).at(-1)!;
    const items = help.submenu as MenuItemConstructorOptions[];
    const shortcuts = items.find((i) => i.label === 'Keyboard Shortcuts');
    expect(shortcuts?.accelerator).toBe('F1');
    (shortcuts?.click as unknown as () => void)();
    (items.find((i) => i.label === 'Show Logs')?.click as unknown as () => void)();
    expect(calls).toEqual(['send:shortcuts', 'logs']);
  });
});
