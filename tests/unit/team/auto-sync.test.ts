/**
 * Automatic sync (auto-sync.ts) with fake timers: the timer follows the settings, skips while a sync
 * runs or without a remote, reports the first failure of a run only as first, and the sync on close
 * is bounded and never rejects.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncResult } from '../../../shared/api/team';
import { DEFAULT_SETTINGS, type UserSettings } from '../../../shared/settings';
import {
  AutoSync,
  countSyncs,
  MINUTE_MS,
  syncBeforeClose,
  type AutoSyncOutcome,
} from '../../../main/services/team/auto-sync';

const PUSHED: SyncResult = { state: 'pushed', conflicts: 0 };

/** Settings the test changes, with listeners as the store has them. */
function settingsOf(sync: Partial<UserSettings['sync']>) {
  let current: UserSettings = { ...DEFAULT_SETTINGS, sync: { ...DEFAULT_SETTINGS.sync, ...sync } };
  const listeners = new Set<(s: UserSettings) => void>();
  return {
    get: async () => current,
    onChange(listener: (s: UserSettings) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: Partial<UserSettings['sync']>) {
      current = { ...current, sync: { ...current.sync, ...next } };
      for (const l of listeners) l(current);
    },
    listeners,
  };
}

function harness(sync: Partial<UserSettings['sync']>, overrides: { remote?: boolean; busy?: () => boolean } = {}) {
  const settings = settingsOf(sync);
  const outcomes: AutoSyncOutcome[] = [];
  let next: () => Promise<SyncResult> = async () => PUSHED;
  const calls = { sync: 0 };
  const deps = {
    settings,
    hasRemote: async () => overrides.remote ?? true,
    sync: () => {
      calls.sync += 1;
      return next();
    },
    busy: overrides.busy ?? (() => false),
    report: (o: AutoSyncOutcome) => void outcomes.push(o),
  };
  return {
    deps,
    settings,
    outcomes,
    calls,
    willSync(fn: () => Promise<SyncResult>) {
      next = fn;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the sync timer', () => {
  it('syncs every N minutes as the settings say, and follows a change of the setting', async () => {
    const h = harness({ everyMinutes: 5 });
    const auto = await AutoSync.start(h.deps);
    await vi.advanceTimersByTimeAsync(5 * MINUTE_MS - 1);
    expect(h.calls.sync).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls.sync).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * MINUTE_MS);
    expect(h.calls.sync).toBe(3);
    expect(h.outcomes).toEqual([
      { ok: true, result: PUSHED },
      { ok: true, result: PUSHED },
      { ok: true, result: PUSHED },
    ]);
    // Every minute from now on.
    h.settings.set({ everyMinutes: 1 });
    await vi.advanceTimersByTimeAsync(3 * MINUTE_MS);
    expect(h.calls.sync).toBe(6);
    // 0: only when asked.
    h.settings.set({ everyMinutes: 0 });
    await vi.advanceTimersByTimeAsync(60 * MINUTE_MS);
    expect(h.calls.sync).toBe(6);
    await auto.stop();
  });

  it('does nothing while the setting is 0, and stops with stop()', async () => {
    const h = harness({ everyMinutes: 0 });
    const auto = await AutoSync.start(h.deps);
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE_MS);
    expect(h.calls.sync).toBe(0);
    h.settings.set({ everyMinutes: 2 });
    await vi.advanceTimersByTimeAsync(2 * MINUTE_MS);
    expect(h.calls.sync).toBe(1);
    await auto.stop();
    expect(h.settings.listeners.size).toBe(0);
    h.settings.set({ everyMinutes: 1 });
    await vi.advanceTimersByTimeAsync(10 * MINUTE_MS);
    expect(h.calls.sync).toBe(1);
  });

  it('skips a tick while a sync runs (its own or the person’s) and when there is no remote', async () => {
    let personSyncing = true;
    const h = harness({ everyMinutes: 1 }, { busy: () => personSyncing });
    const auto = await AutoSync.start(h.deps);
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    expect(h.calls.sync).toBe(0);
    personSyncing = false;
    // A slow sync: the ticks during it are skipped, not queued behind it.
    let finish!: (r: SyncResult) => void;
    h.willSync(() => new Promise((resolve) => (finish = resolve)));
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    expect(h.calls.sync).toBe(1);
    await vi.advanceTimersByTimeAsync(3 * MINUTE_MS);
    expect(h.calls.sync).toBe(1);
    finish(PUSHED);
    h.willSync(async () => PUSHED);
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    expect(h.calls.sync).toBe(2);
    await auto.stop();

    const local = harness({ everyMinutes: 1 }, { remote: false });
    const quiet = await AutoSync.start(local.deps);
    await vi.advanceTimersByTimeAsync(5 * MINUTE_MS);
    expect(local.calls.sync).toBe(0);
    expect(local.outcomes).toEqual([]);
    await quiet.stop();
  });

  it('reports a run of failures with only its first marked first; a success ends the run', async () => {
    const h = harness({ everyMinutes: 1 });
    const down = new Error('remote down');
    h.willSync(async () => {
      throw down;
    });
    const auto = await AutoSync.start(h.deps);
    await vi.advanceTimersByTimeAsync(3 * MINUTE_MS);
    h.willSync(async () => PUSHED);
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    h.willSync(async () => {
      throw down;
    });
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    expect(h.outcomes.map((o) => (o.ok ? 'ok' : o.first ? 'first failure' : 'failure'))).toEqual([
      'first failure',
      'failure',
      'failure',
      'ok',
      'first failure',
    ]);
    await auto.stop();
  });

  it('stop() waits for the sync it started', async () => {
    const h = harness({ everyMinutes: 1 });
    let finish!: (r: SyncResult) => void;
    h.willSync(() => new Promise((resolve) => (finish = resolve)));
    const auto = await AutoSync.start(h.deps);
    await vi.advanceTimersByTimeAsync(MINUTE_MS);
    let stopped = false;
    const stopping = auto.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(stopped).toBe(false);
    finish(PUSHED);
    await stopping;
    expect(stopped).toBe(true);
  });

  it('countSyncs sees a sync or a share from its call to its end', async () => {
    let finish!: () => void;
    const service = {
      syncNotebook: (_input: never) => new Promise<void>((resolve) => (finish = resolve)),
      shareNotebook: async (_input: never) => {
        throw new Error('no');
      },
    };
    const busy = countSyncs(service);
    expect(busy()).toBe(false);
    const running = service.syncNotebook({} as never);
    expect(busy()).toBe(true);
    finish();
    await running;
    expect(busy()).toBe(false);
    await expect(service.shareNotebook({} as never)).rejects.toThrow('no');
    expect(busy()).toBe(false);
  });
});

describe('the sync on close', () => {
  it('syncs only when the settings ask for it and there is a remote', async () => {
    const off = harness({ onClose: false });
    expect(await syncBeforeClose(off.deps, 1000)).toBe('off');
    const local = harness({ onClose: true }, { remote: false });
    expect(await syncBeforeClose(local.deps, 1000)).toBe('not-shared');
    const on = harness({ onClose: true });
    expect(await syncBeforeClose(on.deps, 1000)).toBe('synced');
    expect([off.calls.sync, local.calls.sync, on.calls.sync]).toEqual([0, 0, 1]);
  });

  it('a failing sync is a failed outcome, not a rejection', async () => {
    const h = harness({ onClose: true });
    h.willSync(async () => {
      throw new Error('refused');
    });
    await expect(syncBeforeClose(h.deps, 1000)).resolves.toBe('failed');
  });

  it('gives up after the time it was given', async () => {
    const h = harness({ onClose: true });
    h.willSync(() => new Promise(() => undefined));
    let outcome: string | undefined;
    const closing = syncBeforeClose(h.deps, 15_000).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await closing;
    expect(outcome).toBe('timed-out');
  });
});
