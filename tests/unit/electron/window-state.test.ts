/**
 * Window state: the place chosen on start (saved place, display gone,
 * partly or wholly off-screen, maximised, a damaged file), the file keyed
 * by display layout, and the tracker that saves after moves and on close.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  initialPlacement,
  layoutKey,
  MAX_LAYOUTS,
  placeWindow,
  trackWindowState,
  WindowStateStore,
  type DisplayInfo,
  type Rect,
  type SavedPlace,
  type ScreenLike,
} from '../../../main/electron/window-state';
import { tempDir } from '../../helpers/temp-dir';

const laptop: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 30, width: 1920, height: 1050 },
};
const monitor: DisplayInfo = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
  workArea: { x: 1920, y: 0, width: 2560, height: 1400 },
};
const place = (bounds: Rect, displayId = 2, maximized = false): SavedPlace => ({
  bounds,
  maximized,
  displayId,
  savedAt: '2026-01-01T00:00:00.000Z',
});
const centredOnLaptop = { x: 320, y: 30 + 115, width: 1280, height: 820 };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
async function store() {
  const t = await tempDir('dossier-winstate-');
  cleanups.push(t.cleanup);
  return WindowStateStore.inFolder(t.dir);
}

describe('placeWindow', () => {
  it('opens centred on the primary display when nothing is saved, no larger than its work area', () => {
    expect(placeWindow(undefined, [laptop], laptop)).toEqual({
      bounds: centredOnLaptop,
      maximized: false,
      restored: false,
    });
    const small: DisplayInfo = {
      id: 3,
      bounds: { x: 0, y: 0, width: 1024, height: 700 },
      workArea: { x: 0, y: 0, width: 1024, height: 670 },
    };
    expect(placeWindow(undefined, [small], small).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 670 });
  });

  it('restores a saved place that lies on its display', () => {
    const saved = place({ x: 2000, y: 100, width: 1500, height: 1000 });
    expect(placeWindow(saved, [laptop, monitor], laptop)).toEqual({
      bounds: saved.bounds,
      maximized: false,
      restored: true,
    });
  });

  it('keeps the maximised state (and the size to return to)', () => {
    const saved = place({ x: 2000, y: 100, width: 1500, height: 1000 }, 2, true);
    expect(placeWindow(saved, [laptop, monitor], laptop)).toEqual({
      bounds: saved.bounds,
      maximized: true,
      restored: true,
    });
  });

  it('falls back to the centred default when the saved display is gone', () => {
    const saved = place({ x: 2000, y: 100, width: 1500, height: 1000 }, 2, true);
    expect(placeWindow(saved, [laptop], laptop)).toEqual({
      bounds: centredOnLaptop,
      maximized: false,
      restored: false,
    });
  });

  it('pulls a window hanging partly off its display back onto it, keeping its size', () => {
    const saved = place({ x: 4000, y: -200, width: 1200, height: 800 });
    expect(placeWindow(saved, [laptop, monitor], laptop)).toEqual({
      bounds: { x: 1920 + 2560 - 1200, y: 0, width: 1200, height: 800 },
      maximized: false,
      restored: true,
    });
  });

  it('treats a window with only a sliver (or nothing) on its display as off-screen', () => {
    expect(
      placeWindow(place({ x: 1920 + 2560 - 40, y: 100, width: 1200, height: 800 }), [laptop, monitor], laptop).restored,
    ).toBe(false);
    expect(placeWindow(place({ x: 9000, y: 9000, width: 1200, height: 800 }), [laptop, monitor], laptop)).toEqual({
      bounds: centredOnLaptop,
      maximized: false,
      restored: false,
    });
  });

  it('shrinks a saved size that no longer fits the work area', () => {
    const saved = place({ x: 0, y: 30, width: 3000, height: 2000 }, 1);
    expect(placeWindow(saved, [laptop], laptop).bounds).toEqual({ x: 0, y: 30, width: 1920, height: 1050 });
  });
});

describe('layoutKey', () => {
  it('names the displays and their bounds, whatever order the system lists them in', () => {
    expect(layoutKey([monitor, laptop])).toBe(layoutKey([laptop, monitor]));
    expect(layoutKey([laptop])).not.toBe(layoutKey([laptop, monitor]));
    expect(layoutKey([{ ...monitor, bounds: { ...monitor.bounds, x: -2560 } }, laptop])).not.toBe(
      layoutKey([laptop, monitor]),
    );
  });
});

describe('WindowStateStore', () => {
  it('keeps one place per display layout', async () => {
    const s = await store();
    const docked = place({ x: 2000, y: 100, width: 1500, height: 1000 });
    const alone = place({ x: 10, y: 40, width: 900, height: 700 }, 1);
    s.save(layoutKey([laptop, monitor]), docked);
    s.save(layoutKey([laptop]), alone);
    expect(s.lookup(layoutKey([laptop, monitor]))).toEqual(docked);
    expect(s.lookup(layoutKey([laptop]))).toEqual(alone);
  });

  it('reads a damaged or foreign file as "nothing saved", and replaces it on the next save', async () => {
    const s = await store();
    await mkdir(path.dirname(s.file), { recursive: true });
    for (const junk of [
      '{"version":1,"layouts":{"k":{"bounds":"wide"}}}',
      '{not json',
      '',
      '{"version":2,"layouts":{}}',
    ]) {
      await writeFile(s.file, junk);
      expect(s.lookup('k')).toBeUndefined();
      const screen = fakeScreen([laptop]);
      expect(initialPlacement(s, screen)).toEqual({ bounds: centredOnLaptop, maximized: false, restored: false });
    }
    s.save('k', place({ x: 1, y: 2, width: 800, height: 600 }, 1));
    expect(JSON.parse(await readFile(s.file, 'utf8'))).toMatchObject({
      version: 1,
      layouts: { k: { bounds: { x: 1 } } },
    });
  });

  it(`remembers the ${MAX_LAYOUTS} most recent layouts`, async () => {
    const s = await store();
    for (let i = 0; i < MAX_LAYOUTS + 3; i++) {
      s.save(`layout-${i}`, {
        ...place({ x: i, y: 0, width: 800, height: 600 }),
        savedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      });
    }
    const kept = Object.keys(s.read().layouts);
    expect(kept).toHaveLength(MAX_LAYOUTS);
    expect(kept).not.toContain('layout-0');
    expect(kept).toContain(`layout-${MAX_LAYOUTS + 2}`);
  });
});

function fakeScreen(displays: DisplayInfo[]): ScreenLike {
  return {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0]!,
    getDisplayMatching: (r) =>
      displays.find((d) => r.x >= d.bounds.x && r.x < d.bounds.x + d.bounds.width) ?? displays[0]!,
  };
}

class FakeWindow {
  handlers = new Map<string, Array<() => void>>();
  bounds: Rect = { x: 100, y: 100, width: 1000, height: 700 };
  maximized = false;
  destroyed = false;
  on(event: string, fn: () => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
  }
  emit(event: string) {
    for (const fn of this.handlers.get(event) ?? []) fn();
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

describe('trackWindowState', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('saves once, a moment after a burst of moves, under the current layout and display', async () => {
    const s = await store();
    const save = vi.spyOn(s, 'save');
    const win = new FakeWindow();
    const screen = fakeScreen([laptop, monitor]);
    trackWindowState(win, s, screen, { delayMs: 50 });
    for (const x of [2000, 2100, 2200]) {
      win.bounds = { ...win.bounds, x };
      win.emit('move');
    }
    expect(save).not.toHaveBeenCalled();
    await sleep(250);
    expect(save).toHaveBeenCalledTimes(1);
    expect(s.lookup(layoutKey([laptop, monitor]))).toMatchObject({
      bounds: { x: 2200, width: 1000 },
      displayId: 2,
      maximized: false,
    });
  });

  it('saves at once on close (a pending save is not repeated) and records maximised', async () => {
    const s = await store();
    const save = vi.spyOn(s, 'save');
    const win = new FakeWindow();
    trackWindowState(win, s, fakeScreen([laptop]), { delayMs: 50 });
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(save).toHaveBeenCalledTimes(1);
    expect(s.lookup(layoutKey([laptop]))).toMatchObject({
      maximized: true,
      bounds: { x: 100, y: 100, width: 1000, height: 700 },
    });
    win.destroyed = true;
    win.emit('closed');
    await sleep(200);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('hands a failed save to onError instead of throwing', async () => {
    // Its folder is a file, so the save must fail.
    const blocker = (await store()).file;
    await writeFile(blocker, 'not a folder');
    const s = new WindowStateStore(path.join(blocker, 'window-state.json'));
    const errors: unknown[] = [];
    const win = new FakeWindow();
    trackWindowState(win, s, fakeScreen([laptop]), { onError: (e) => errors.push(e) });
    expect(() => win.emit('close')).not.toThrow();
    expect(errors).toHaveLength(1);
  });

  it('the default size is the one the window opens with', () => {
    expect(placeWindow(undefined, [monitor], monitor).bounds).toMatchObject(DEFAULT_WINDOW_SIZE);
  });
});
