/**
 * The native menu as a template (no runtime import of electron, so the
 * structure is testable). index.ts turns it into a Menu and binds actions.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import {
  BRIEF_FORMATS,
  exportBriefCommand,
  INTEROP_FORMAT_INFO,
  INTEROP_FORMATS,
  type InteropFormat,
  type MenuCommand,
} from '../../shared/enums';
import { menuAccelerator, SHORTCUTS, type ShortcutId } from '../../shared/shortcuts';
import type { resources, Translator } from '../../shared/i18n';
import { translatorFor } from '../services/settings/language';

export interface MenuActions {
  newNotebook(): void;
  openNotebook(): void;
  openRecent(dir: string): void;
  clearRecent(): void;
  /** Native picker for files (and folders where the platform allows both in one dialog). */
  importFiles(): void;
  /** Native picker for folders (Linux and Windows cannot mix files and folders in one dialog). */
  importFolder(): void;
  /** File › Export › an exchange format: main asks where and writes the whole notebook there. */
  exportInterop(format: InteropFormat): void;
  /** File › Print…: the window prints what is in front (the open source or brief; the page's print styles choose). */
  print(): void;
  /** Menu items the renderer carries out: forwarded as {type:'menu', command}. */
  sendToRenderer(command: MenuCommand): void;
  about(): void;
  openReadme(): void;
  /** Help › Show Logs: the folder of the log files. */
  showLogs(): void;
}

/** A shortcut id of the shared table, if it has one. */
function shortcutId(id: string): ShortcutId | undefined {
  return SHORTCUTS.find((s) => s.id === id)?.id;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools only when developing. */
  isDev: boolean;
  appName: string;
  recent: readonly string[];
  actions: MenuActions;
  /** The language of the labels (the person's; English when not given). */
  translator?: Translator;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, platform, isDev } = options;
  const isMac = platform === 'darwin';
  const translator = options.translator ?? translatorFor('en');
  const t = translator.t;
  /** The roles the menu uses (each has a name in the catalogue). */
  type Role = keyof (typeof resources)['en']['menu']['role'];
  /**
   * An item Electron carries out itself (cut, zoom…). Electron names these in English; in another
   * language they get the catalogue's name.
   */
  const role = (r: Role, item: MenuItemConstructorOptions = {}): MenuItemConstructorOptions =>
    translator.language === 'en' || item.label
      ? { ...item, role: r }
      : { ...item, role: r, label: t(`menu:role.${r}`) };
  /** A menu item carrying a shortcut of the shared table: its id and its accelerator come from there. */
  const keyed = (id: ShortcutId, item: MenuItemConstructorOptions): MenuItemConstructorOptions => {
    const accelerator = menuAccelerator(id, platform);
    return accelerator ? { ...item, id, accelerator } : { ...item, id };
  };

  const recentItems: MenuItemConstructorOptions[] = options.recent.length
    ? [
        ...options.recent.map((dir) => ({
          label: path.basename(dir),
          toolTip: dir,
          click: () => actions.openRecent(dir),
        })),
        { type: 'separator' as const },
        { label: t('menu:clearRecent'), click: () => actions.clearRecent() },
      ]
    : [{ label: t('menu:noRecent'), enabled: false }];

  const importItems: MenuItemConstructorOptions[] = isMac
    ? [keyed('import-files', { label: t('menu:import'), click: () => actions.importFiles() })]
    : [
        keyed('import-files', { label: t('menu:importFiles'), click: () => actions.importFiles() }),
        keyed('import-folder', { label: t('menu:importFolder'), click: () => actions.importFolder() }),
      ];

  // File › Settings… elsewhere; on macOS the app menu's Preferences….
  const settingsItem = keyed('settings', {
    label: isMac ? t('menu:preferences') : t('menu:settings'),
    click: () => actions.sendToRenderer('settings'),
  });

  const file: MenuItemConstructorOptions = {
    label: t('menu:file'),
    submenu: [
      keyed('new-notebook', { label: t('menu:newNotebook'), click: () => actions.newNotebook() }),
      keyed('open-notebook', { label: t('menu:openNotebook'), click: () => actions.openNotebook() }),
      { label: t('menu:openRecent'), submenu: recentItems },
      { type: 'separator' },
      // Team notebooks over git: the page asks where (a folder or a web address); main does the rest.
      { label: t('menu:shareNotebook'), click: () => actions.sendToRenderer('share-notebook') },
      { label: t('menu:openSharedNotebook'), click: () => actions.sendToRenderer('open-shared-notebook') },
      { type: 'separator' },
      ...importItems,
      {
        label: t('menu:exportBrief'),
        // One item per export format; a format with a shortcut (export-docx) carries it.
        submenu: BRIEF_FORMATS.map((format) => {
          const item: MenuItemConstructorOptions = {
            label: t(`enums:briefFormat.${format}.menu`),
            click: () => actions.sendToRenderer(exportBriefCommand(format)),
          };
          const id = shortcutId(`export-${format}`);
          return id ? keyed(id, item) : item;
        }),
      },
      {
        label: t('menu:export'),
        submenu: INTEROP_FORMATS.map((format) => ({
          label: t('import:export.item', {
            format: t(`enums:interopFormat.${format}.menu`),
            extension: INTEROP_FORMAT_INFO[format].extension,
          }),
          click: () => actions.exportInterop(format),
        })),
      },
      // A shared notebook's commits: who changed what, and when (the renderer's timeline panel).
      { label: t('menu:timeline'), click: () => actions.sendToRenderer('timeline') },
      { type: 'separator' },
      keyed('print', { label: t('menu:print'), click: () => actions.print() }),
      ...(isMac ? [] : [{ type: 'separator' as const }, settingsItem]),
      { type: 'separator' },
      keyed('close-window', { role: 'close', label: t('menu:closeWindow') }),
      ...(isMac ? [] : [keyed('quit', role('quit'))]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('menu:edit'),
    submenu: [
      keyed('undo', { label: t('menu:undo'), click: () => actions.sendToRenderer('undo') }),
      keyed('redo', { label: t('menu:redo'), click: () => actions.sendToRenderer('redo') }),
      keyed('history', { label: t('menu:history'), click: () => actions.sendToRenderer('history') }),
      { type: 'separator' },
      keyed('find', { label: t('menu:find'), click: () => actions.sendToRenderer('search') }),
      { type: 'separator' },
      keyed('cut', role('cut')),
      keyed('copy', role('copy')),
      keyed('paste', role('paste')),
      keyed('paste-plain', role('pasteAndMatchStyle')),
      role('delete'),
      { type: 'separator' },
      keyed('select-all', role('selectAll')),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t('menu:view'),
    submenu: [
      ...(isDev
        ? ([
            role('reload'),
            role('forceReload'),
            role('toggleDevTools'),
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      keyed('reset-zoom', role('resetZoom')),
      keyed('zoom-in', role('zoomIn')),
      keyed('zoom-out', role('zoomOut')),
      { type: 'separator' },
      keyed('full-screen', role('togglefullscreen')),
      { type: 'separator' },
      keyed('next-pane', { label: t('menu:nextPane'), click: () => actions.sendToRenderer('next-pane') }),
      keyed('previous-pane', { label: t('menu:previousPane'), click: () => actions.sendToRenderer('previous-pane') }),
    ],
  };

  const help: MenuItemConstructorOptions = role('help', {
    submenu: [
      ...(isMac ? [] : [{ label: t('menu:about', { appName: options.appName }), click: () => actions.about() }]),
      keyed('shortcuts', { label: t('menu:shortcuts'), click: () => actions.sendToRenderer('shortcuts') }),
      { label: t('menu:readMe'), click: () => actions.openReadme() },
      { type: 'separator' },
      { label: t('menu:showLogs'), click: () => actions.showLogs() },
    ],
  });

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: options.appName,
      submenu: [
        role('about'),
        { type: 'separator' },
        settingsItem,
        { type: 'separator' },
        role('services'),
        { type: 'separator' },
        keyed('hide', role('hide')),
        keyed('hide-others', role('hideOthers')),
        role('unhide'),
        { type: 'separator' },
        keyed('quit', role('quit')),
      ],
    });
  }
  template.push(file, edit, view);
  if (isMac) template.push(role('windowMenu'));
  template.push(help);
  return template;
}
