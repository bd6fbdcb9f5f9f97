/**
 * The native menu as a template (no runtime import of electron, so the
 * structure is testable). index.ts turns it into a Menu and binds actions.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newNotebook(): void;
  openNotebook(): void;
  openRecent(dir: string): void;
  clearRecent(): void;
  /** Native picker for files (and folders where the platform allows both in one dialog). */
  importFiles(): void;
  /** Native picker for folders (Linux and Windows cannot mix files and folders in one dialog). */
  importFolder(): void;
  /** Menu items the renderer carries out: forwarded as {type:'menu', command}. */
  sendToRenderer(command: RendererMenuCommand): void;
  about(): void;
  openReadme(): void;
}

/** Edit › Undo/Redo and Find… (the command palette), and File › Export Brief (acted on by the open brief editor). */
export type RendererMenuCommand = 'undo' | 'redo' | 'search' | `export-brief:${'docx' | 'pdf' | 'md' | 'html'}`;

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools only when developing. */
  isDev: boolean;
  appName: string;
  recent: readonly string[];
  actions: MenuActions;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, platform, isDev } = options;
  const isMac = platform === 'darwin';

  const recentItems: MenuItemConstructorOptions[] = options.recent.length
    ? [
        ...options.recent.map((dir) => ({
          label: path.basename(dir),
          toolTip: dir,
          click: () => actions.openRecent(dir),
        })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No recent notebooks', enabled: false }];

  const importItems: MenuItemConstructorOptions[] = isMac
    ? [{ label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles() }]
    : [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles() },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+I', click: () => actions.importFolder() },
      ];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Notebook…', accelerator: 'CmdOrCtrl+N', click: () => actions.newNotebook() },
      { label: 'Open Notebook…', accelerator: 'CmdOrCtrl+O', click: () => actions.openNotebook() },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      ...importItems,
      {
        label: 'Export Brief',
        submenu: [
          { label: 'Word (.docx)…', accelerator: 'CmdOrCtrl+E', click: () => actions.sendToRenderer('export-brief:docx') },
          { label: 'PDF…', click: () => actions.sendToRenderer('export-brief:pdf') },
          { label: 'Markdown…', click: () => actions.sendToRenderer('export-brief:md') },
          { label: 'HTML…', click: () => actions.sendToRenderer('export-brief:html') },
        ],
      },
      { type: 'separator' },
      { role: 'close', label: 'Close Window' },
      ...(isMac ? [] : [{ role: 'quit' } as MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.sendToRenderer('undo') },
      { label: 'Redo', accelerator: isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', click: () => actions.sendToRenderer('redo') },
      { type: 'separator' },
      { label: 'Find…', accelerator: 'CmdOrCtrl+K', click: () => actions.sendToRenderer('search') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(isDev
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      ...(isMac ? [] : [{ label: `About ${options.appName}`, click: () => actions.about() }]),
      { label: 'Read Me', click: () => actions.openReadme() },
    ],
  };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(file, edit, view);
  if (isMac) template.push({ role: 'windowMenu' });
  template.push(help);
  return template;
}
