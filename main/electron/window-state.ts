/**
 * Where the window was: its size, position and maximised state, remembered
 * per display layout (which displays there are and where) in a small JSON
 * file in userData. On start the saved place for the current layout is used
 * when its display is still there and the window would be visible on it;
 * a window hanging partly off its display is moved back onto it; otherwise
 * the window opens centred on the primary display.
 *
 * No runtime import of electron: index.ts passes `screen` and the window in,
 * so the decisions are plain functions that tests call directly. A missing
 * or damaged file only means "no saved place" (it is a convenience, not data).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's Display this module reads. */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

/** The part of Electron's `screen` this module reads. */
export interface ScreenLike {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): DisplayInfo;
  getDisplayMatching(rect: Rect): DisplayInfo;
}

/** The part of a BrowserWindow the tracker uses. */
export interface TrackedWindow {
  on(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close' | 'closed', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export interface Placement {
  bounds: Rect;
  maximized: boolean;
  /** False when the default (centred on the primary display) was used. */
  restored: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;
/** Less than this much of the window (each way) on its display counts as off-screen. */
export const MIN_VISIBLE_PX = 100;
/** Layouts remembered (most recently used first); a laptop docked at home and at work needs three. */
export const MAX_LAYOUTS = 8;
/** Moves and resizes are saved this long after the last one. */
export const SAVE_DELAY_MS = 500;

const RectSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});
const SavedPlaceSchema = z.object({
  bounds: RectSchema,
  maximized: z.boolean(),
  displayId: z.number(),
  savedAt: z.string(),
});
export type SavedPlace = z.infer<typeof SavedPlaceSchema>;
const StateFileSchema = z.object({ version: z.literal(1), layouts: z.record(z.string(), SavedPlaceSchema) });
type StateFile = z.infer<typeof StateFileSchema>;

/** A fingerprint of the display layout: each display's id and bounds, in id order. */
export function layoutKey(displays: readonly DisplayInfo[]): string {
  return [...displays]
    .sort((a, b) => a.id - b.id)
    .map(({ id, bounds: b }) => `${id}@${b.x},${b.y},${b.width}x${b.height}`)
    .join('|');
}

function centredOn(display: DisplayInfo, size: { width: number; height: number }): Rect {
  const wa = display.workArea;
  const width = Math.min(size.width, wa.width);
  const height = Math.min(size.height, wa.height);
  return {
    x: wa.x + Math.round((wa.width - width) / 2),
    y: wa.y + Math.round((wa.height - height) / 2),
    width,
    height,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/**
 * Where to open the window. `saved` is the place saved for the current
 * layout (if any); `primary` the display to centre on otherwise.
 */
export function placeWindow(
  saved: SavedPlace | undefined,
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
  size: { width: number; height: number } = DEFAULT_WINDOW_SIZE,
): Placement {
  const fallback: Placement = { bounds: centredOn(primary, size), maximized: false, restored: false };
  if (!saved) return fallback;
  const display = displays.find((d) => d.id === saved.displayId);
  if (!display) return fallback;
  const wa = display.workArea;
  const seen = overlap(saved.bounds, wa);
  if (
    seen.width < Math.min(MIN_VISIBLE_PX, saved.bounds.width) ||
    seen.height < Math.min(MIN_VISIBLE_PX, saved.bounds.height)
  )
    return fallback;
  // Visible: keep the size (no larger than the work area), and pull a window hanging over an edge back in.
  const width = Math.min(Math.max(saved.bounds.width, Math.min(MIN_WINDOW_SIZE.width, wa.width)), wa.width);
  const height = Math.min(Math.max(saved.bounds.height, Math.min(MIN_WINDOW_SIZE.height, wa.height)), wa.height);
  const x = clamp(saved.bounds.x, wa.x, wa.x + wa.width - width);
  const y = clamp(saved.bounds.y, wa.y, wa.y + wa.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized, restored: true };
}

/** The saved places, one per display layout, in userData/window-state.json (read and written synchronously: it is tiny, and the last write happens while the window closes). */
export class WindowStateStore {
  constructor(readonly file: string) {}

  static inFolder(userDataDir: string): WindowStateStore {
    return new WindowStateStore(path.join(userDataDir, WINDOW_STATE_FILE));
  }

  /** Every saved layout; a missing, unreadable or damaged file reads as none. */
  read(): StateFile {
    try {
      const parsed = StateFileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // Missing or not JSON: nothing saved.
    }
    return { version: 1, layouts: {} };
  }

  lookup(layout: string): SavedPlace | undefined {
    return this.read().layouts[layout];
  }

  save(layout: string, place: SavedPlace): void {
    const layouts = Object.entries({ ...this.read().layouts, [layout]: place })
      .sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt))
      .slice(0, MAX_LAYOUTS);
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, layouts: Object.fromEntries(layouts) }, null, 2) + '\n', 'utf8');
    renameSync(tmp, this.file);
  }
}

/** The place to open the window at now. */
export function initialPlacement(store: WindowStateStore, screen: ScreenLike, size = DEFAULT_WINDOW_SIZE): Placement {
  const displays = screen.getAllDisplays();
  return placeWindow(store.lookup(layoutKey(displays)), displays, screen.getPrimaryDisplay(), size);
}

/**
 * Saves the window's place a moment after it moves or resizes, and at once
 * when it closes. Saving never throws: a failure goes to `onError`.
 */
export function trackWindowState(
  win: TrackedWindow,
  store: WindowStateStore,
  screen: ScreenLike,
  options: { delayMs?: number; now?: () => Date; onError?: (err: unknown) => void } = {},
): void {
  const { delayMs = SAVE_DELAY_MS, now = () => new Date(), onError = () => undefined } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    try {
      const bounds = win.getNormalBounds();
      const display = screen.getDisplayMatching(bounds);
      store.save(layoutKey(screen.getAllDisplays()), {
        bounds,
        maximized: win.isMaximized(),
        displayId: display.id,
        savedAt: now().toISOString(),
      });
    } catch (err) {
      onError(err);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  for (const event of ['move', 'resize', 'maximize', 'unmaximize'] as const) win.on(event, saveSoon);
  win.on('close', save);
  win.on('closed', () => clearTimeout(timer));
}
