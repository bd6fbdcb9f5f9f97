/**
 * Every keyboard shortcut of Dossier, in one table. The native menu takes its
 * accelerators from here, the renderer's key handlers match key presses
 * against it, and Help › Keyboard Shortcuts lists it, so the three cannot
 * drift apart. Keys are written in Electron's accelerator syntax
 * ("CmdOrCtrl+Shift+I", "Up", "F1"). Pure: no DOM, no electron.
 */

export type ShortcutPlatform = 'darwin' | 'win32' | 'linux' | (string & {});

/** Where a shortcut applies; also the headings of the Keyboard Shortcuts dialog, in this order. */
export const SHORTCUT_AREAS = [
  'Notebook',
  'Edit',
  'View',
  'Reader',
  'Source list',
  'Lists',
  'Search and commands',
  'Brief editor',
  'Help',
] as const;
export type ShortcutArea = (typeof SHORTCUT_AREAS)[number];

export interface Shortcut {
  id: string;
  label: string;
  area: ShortcutArea;
  /** Accelerators; the first is the one a menu item shows. */
  keys: readonly string[];
  /** Replaces `keys` on macOS (an empty list: not on macOS). */
  mac?: readonly string[];
  /** Replaces `keys` on Windows. */
  windows?: readonly string[];
  /** A native menu item carries this shortcut (the desktop app); the menu's accelerator is keysFor(…)[0]. */
  menu?: true;
}

export const SHORTCUTS = [
  { id: 'new-notebook', label: 'New notebook', area: 'Notebook', keys: ['CmdOrCtrl+N'], menu: true },
  { id: 'open-notebook', label: 'Open a notebook', area: 'Notebook', keys: ['CmdOrCtrl+O'], menu: true },
  { id: 'import-files', label: 'Import files', area: 'Notebook', keys: ['CmdOrCtrl+I'], menu: true },
  // macOS imports files and folders from one dialog (the line above).
  { id: 'import-folder', label: 'Import a folder', area: 'Notebook', keys: ['CmdOrCtrl+Shift+I'], mac: [], menu: true },
  { id: 'export-docx', label: 'Export the open brief as Word', area: 'Notebook', keys: ['CmdOrCtrl+E'], menu: true },
  { id: 'print', label: 'Print the open source or brief', area: 'Notebook', keys: ['CmdOrCtrl+P'], menu: true },
  { id: 'settings', label: 'Settings', area: 'Notebook', keys: ['CmdOrCtrl+,'], menu: true },
  { id: 'close-window', label: 'Close the window', area: 'Notebook', keys: ['CmdOrCtrl+W'], menu: true },
  { id: 'hide', label: 'Hide Dossier', area: 'Notebook', keys: [], mac: ['Cmd+H'], menu: true },
  { id: 'hide-others', label: 'Hide other applications', area: 'Notebook', keys: [], mac: ['Alt+Cmd+H'], menu: true },
  // Windows closes the last window with Alt+F4 instead (and then Dossier quits).
  { id: 'quit', label: 'Quit Dossier', area: 'Notebook', keys: ['CmdOrCtrl+Q'], windows: [], menu: true },
  // Electron's own Window menu on macOS (role windowMenu) carries it.
  { id: 'minimize', label: 'Minimise the window', area: 'Notebook', keys: [], mac: ['Cmd+M'] },

  { id: 'undo', label: 'Undo', area: 'Edit', keys: ['CmdOrCtrl+Z'], menu: true },
  {
    id: 'redo',
    label: 'Redo',
    area: 'Edit',
    keys: ['CmdOrCtrl+Y', 'Shift+CmdOrCtrl+Z'],
    mac: ['Shift+CmdOrCtrl+Z', 'Ctrl+Y'],
    menu: true,
  },
  {
    id: 'history',
    label: 'History: every action, and snapshots',
    area: 'Edit',
    keys: ['CmdOrCtrl+Shift+H'],
    menu: true,
  },
  { id: 'cut', label: 'Cut', area: 'Edit', keys: ['CmdOrCtrl+X'], menu: true },
  { id: 'copy', label: 'Copy', area: 'Edit', keys: ['CmdOrCtrl+C'], menu: true },
  { id: 'paste', label: 'Paste', area: 'Edit', keys: ['CmdOrCtrl+V'], menu: true },
  {
    id: 'paste-plain',
    label: 'Paste without formatting',
    area: 'Edit',
    keys: ['Shift+CmdOrCtrl+V'],
    mac: ['Alt+Shift+CmdOrCtrl+V'],
    menu: true,
  },
  { id: 'select-all', label: 'Select all', area: 'Edit', keys: ['CmdOrCtrl+A'], menu: true },
  { id: 'find', label: 'Search and commands', area: 'Edit', keys: ['CmdOrCtrl+K'], menu: true },

  { id: 'reset-zoom', label: 'Actual size', area: 'View', keys: ['CmdOrCtrl+0'], menu: true },
  { id: 'zoom-in', label: 'Zoom in', area: 'View', keys: ['CmdOrCtrl+Plus'], menu: true },
  { id: 'zoom-out', label: 'Zoom out', area: 'View', keys: ['CmdOrCtrl+-'], menu: true },
  { id: 'full-screen', label: 'Full screen', area: 'View', keys: ['F11'], mac: ['Ctrl+Cmd+F'], menu: true },
  { id: 'next-pane', label: 'Next pane (sources, reader, details…)', area: 'View', keys: ['F6'], menu: true },
  { id: 'previous-pane', label: 'Previous pane', area: 'View', keys: ['Shift+F6'], menu: true },

  // Caret browsing: the reader's text is one Tab stop; each pair is backward, forward.
  { id: 'caret-character', label: 'Move the caret', area: 'Reader', keys: ['Left', 'Right'] },
  { id: 'select-character', label: 'Select text', area: 'Reader', keys: ['Shift+Left', 'Shift+Right'] },
  {
    id: 'caret-word',
    label: 'Move the caret by a word',
    area: 'Reader',
    keys: ['Ctrl+Left', 'Ctrl+Right'],
    mac: ['Alt+Left', 'Alt+Right'],
  },
  {
    id: 'select-word',
    label: 'Select by a word',
    area: 'Reader',
    keys: ['Shift+Ctrl+Left', 'Shift+Ctrl+Right'],
    mac: ['Shift+Alt+Left', 'Shift+Alt+Right'],
  },
  { id: 'caret-line', label: 'Move the caret a line up / down', area: 'Reader', keys: ['Up', 'Down'] },
  { id: 'select-line', label: 'Select a line up / down', area: 'Reader', keys: ['Shift+Up', 'Shift+Down'] },
  {
    id: 'caret-line-boundary',
    label: 'Caret to the start / end of the line',
    area: 'Reader',
    keys: ['Home', 'End'],
    mac: ['Cmd+Left', 'Cmd+Right'],
  },
  {
    id: 'select-line-boundary',
    label: 'Select to the start / end of the line',
    area: 'Reader',
    keys: ['Shift+Home', 'Shift+End'],
    mac: ['Shift+Cmd+Left', 'Shift+Cmd+Right'],
  },
  {
    id: 'caret-paragraph',
    label: 'Caret to the previous / next paragraph',
    area: 'Reader',
    keys: ['Ctrl+Up', 'Ctrl+Down'],
    mac: ['Alt+Up', 'Alt+Down'],
  },
  {
    id: 'select-paragraph',
    label: 'Select to the previous / next paragraph',
    area: 'Reader',
    keys: ['Shift+Ctrl+Up', 'Shift+Ctrl+Down'],
    mac: ['Shift+Alt+Up', 'Shift+Alt+Down'],
  },
  {
    id: 'caret-text-boundary',
    label: 'Caret to the start / end of the text',
    area: 'Reader',
    keys: ['Ctrl+Home', 'Ctrl+End'],
    mac: ['Cmd+Up', 'Cmd+Down'],
  },
  {
    id: 'select-text-boundary',
    label: 'Select to the start / end of the text',
    area: 'Reader',
    keys: ['Shift+Ctrl+Home', 'Shift+Ctrl+End'],
    mac: ['Shift+Cmd+Up', 'Shift+Cmd+Down'],
  },
  { id: 'mark-claim', label: 'Mark the selected text as a claim', area: 'Reader', keys: ['C'] },
  { id: 'mark-highlight', label: 'Highlight the selected text', area: 'Reader', keys: ['H'] },
  { id: 'mark-note', label: 'Add a note to the selected text', area: 'Reader', keys: ['N'] },
  { id: 'dismiss-selection', label: 'Dismiss the selection’s buttons', area: 'Reader', keys: ['Escape'] },
  {
    id: 'remove-paragraph',
    label: 'Remove the paragraph holding the cursor (restore it under Removed)',
    area: 'Reader',
    keys: ['Shift+Delete'],
    mac: ['Shift+Backspace', 'Shift+Delete'],
  },

  { id: 'source-next-previous', label: 'Next / previous source', area: 'Source list', keys: ['Down', 'Up'] },
  { id: 'source-first-last', label: 'First / last source', area: 'Source list', keys: ['Home', 'End'] },
  {
    id: 'source-delete',
    label: 'Delete the selected source (asks first)',
    area: 'Source list',
    keys: ['Delete'],
    mac: ['Backspace', 'Delete'],
  },

  { id: 'list-move', label: 'Next / previous item', area: 'Lists', keys: ['Down', 'Up'] },
  { id: 'list-first-last', label: 'First / last item', area: 'Lists', keys: ['Home', 'End'] },
  { id: 'list-open', label: 'Open the item (or move into it)', area: 'Lists', keys: ['Enter'] },

  { id: 'palette-move', label: 'Move through the results', area: 'Search and commands', keys: ['Down', 'Up'] },
  { id: 'palette-open', label: 'Open the chosen result', area: 'Search and commands', keys: ['Enter'] },
  { id: 'palette-close', label: 'Close', area: 'Search and commands', keys: ['Escape'] },

  { id: 'cite', label: 'Cite a claim (type at the cursor)', area: 'Brief editor', keys: ['@'] },
  { id: 'cite-move', label: 'Move through the claims to cite', area: 'Brief editor', keys: ['Down', 'Up'] },
  { id: 'cite-insert', label: 'Insert the chosen citation', area: 'Brief editor', keys: ['Enter', 'Tab'] },
  { id: 'cite-close', label: 'Close the citation list', area: 'Brief editor', keys: ['Escape'] },

  { id: 'shortcuts', label: 'Keyboard shortcuts', area: 'Help', keys: ['F1', '?'], menu: true },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

const BY_ID = new Map<string, Shortcut>(SHORTCUTS.map((s) => [s.id, s]));

export function shortcut(id: ShortcutId): Shortcut {
  return BY_ID.get(id)!;
}

/** The accelerators of a shortcut on a platform (process.platform names); empty when it has none there. */
export function keysFor(id: ShortcutId | Shortcut, platform: ShortcutPlatform): readonly string[] {
  const s = typeof id === 'string' ? shortcut(id) : id;
  if (platform === 'darwin' && s.mac) return s.mac;
  if (platform === 'win32' && s.windows) return s.windows;
  return s.keys;
}

/** The accelerator a menu item shows, or undefined when the platform has none. */
export function menuAccelerator(id: ShortcutId, platform: ShortcutPlatform): string | undefined {
  return keysFor(id, platform)[0];
}

// ------------------------------------------------------------------ matching key presses

/** The part of a DOM KeyboardEvent a match needs. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Electron key names → KeyboardEvent.key. */
const KEY_NAMES: Record<string, string> = {
  plus: '+',
  space: ' ',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  delete: 'Delete',
  backspace: 'Backspace',
};

interface Parsed {
  cmdOrCtrl: boolean;
  ctrl: boolean;
  cmd: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

function parse(accelerator: string): Parsed {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const p: Parsed = { cmdOrCtrl: false, ctrl: false, cmd: false, alt: false, shift: false, key };
  for (const raw of parts) {
    const m = raw.toLowerCase();
    if (m === 'cmdorctrl' || m === 'commandorcontrol') p.cmdOrCtrl = true;
    else if (m === 'ctrl' || m === 'control') p.ctrl = true;
    else if (m === 'cmd' || m === 'command' || m === 'super' || m === 'meta') p.cmd = true;
    else if (m === 'alt' || m === 'option' || m === 'altgr') p.alt = true;
    else if (m === 'shift') p.shift = true;
    else throw new Error(`Unknown modifier "${raw}" in accelerator "${accelerator}"`);
  }
  return p;
}

/** A printable character other than a letter or digit ("?", "@", "-"): the layout decides whether Shift makes it. */
function isSymbol(key: string): boolean {
  return key.length === 1 && !/[\p{L}\p{N}]/u.test(key);
}

/**
 * True when the key press is this accelerator. CmdOrCtrl accepts Ctrl or ⌘
 * (a web page cannot know which one the person's platform means), the other
 * modifiers must be exactly as written; Shift is not checked for symbols.
 */
export function matchesAccelerator(press: KeyPress, accelerator: string): boolean {
  const p = parse(accelerator);
  const key = KEY_NAMES[p.key.toLowerCase()] ?? p.key;
  const pressed = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (pressed !== (key.length === 1 ? key.toLowerCase() : key)) return false;
  if (press.altKey !== p.alt) return false;
  if (!isSymbol(key) && press.shiftKey !== p.shift) return false;
  if (p.cmdOrCtrl) {
    if (!(press.ctrlKey || press.metaKey)) return false;
    if (press.ctrlKey && press.metaKey && !(p.ctrl || p.cmd)) return false;
    if (p.ctrl && !press.ctrlKey) return false;
    if (p.cmd && !press.metaKey) return false;
    return true;
  }
  return press.ctrlKey === p.ctrl && press.metaKey === p.cmd;
}

/** True when the key press is any of the shortcut's keys on the platform. */
export function isShortcut(press: KeyPress, id: ShortcutId, platform: ShortcutPlatform): boolean {
  return keysFor(id, platform).some((acc) => matchesAccelerator(press, acc));
}

// ------------------------------------------------------------------ showing them

const MAC_KEYS: Record<string, string> = {
  Plus: '+',
  Up: '↑',
  Down: '↓',
  Left: '←',
  Right: '→',
  Escape: 'Esc',
  Enter: '↩',
  Tab: '⇥',
  Delete: '⌦',
  Backspace: '⌫',
};
const OTHER_KEYS: Record<string, string> = { Plus: '+', Up: '↑', Down: '↓', Left: '←', Right: '→', Escape: 'Esc' };

/** An accelerator as the platform writes it: "⇧⌘I" on macOS, "Ctrl+Shift+I" elsewhere. */
export function formatAccelerator(accelerator: string, platform: ShortcutPlatform): string {
  const p = parse(accelerator);
  const mac = platform === 'darwin';
  const names = mac ? MAC_KEYS : OTHER_KEYS;
  const key = names[p.key] ?? (p.key.length === 1 ? p.key.toUpperCase() : p.key);
  if (mac) {
    // Apple's order: Control, Option, Shift, Command.
    return `${p.ctrl ? '⌃' : ''}${p.alt ? '⌥' : ''}${p.shift ? '⇧' : ''}${p.cmd || p.cmdOrCtrl ? '⌘' : ''}${key}`;
  }
  const mods = [
    p.ctrl || p.cmdOrCtrl ? 'Ctrl' : '',
    p.cmd ? (platform === 'win32' ? 'Win' : 'Super') : '',
    p.alt ? 'Alt' : '',
    p.shift ? 'Shift' : '',
  ];
  return [...mods.filter(Boolean), key].join('+');
}

/** The table grouped by area, for one platform: shortcuts without keys there are left out. */
export function shortcutsByArea(
  platform: ShortcutPlatform,
): Array<{ area: ShortcutArea; shortcuts: Array<{ id: ShortcutId; label: string; keys: string[] }> }> {
  return SHORTCUT_AREAS.map((area) => ({
    area,
    shortcuts: SHORTCUTS.filter((s) => s.area === area)
      .map((s) => ({
        id: s.id as ShortcutId,
        label: s.label,
        keys: keysFor(s, platform).map((k) => formatAccelerator(k, platform)),
      }))
      .filter((s) => s.keys.length > 0),
  })).filter((group) => group.shortcuts.length > 0);
}
