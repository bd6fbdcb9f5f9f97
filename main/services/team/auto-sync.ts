/**
 * Automatic sync of a shared notebook (docs/team.md), as the person's settings
 * ask: every `sync.everyMinutes` minutes while the notebook is open, and once
 * when it is closed (`sync.onClose`), bounded in time so a slow or absent
 * remote never holds the close up.
 *
 * A tick is skipped while a sync runs (the person's or the timer's) and when
 * the notebook has no remote. Failures are reported, each marked whether it is
 * the first of a run (the window says so once; the next success ends the run):
 * a remote that is down for an hour is one notice, not twelve.
 */
import type { SyncResult } from '../../../shared/api/team';
import type { UserSettings } from '../../../shared/settings';

export interface AutoSyncDeps {
  settings: {
    get(): Promise<UserSettings>;
    onChange(listener: (settings: UserSettings) => void): () => void;
  };
  /** Whether the notebook is shared with a remote (there is nothing to sync with otherwise). */
  hasRemote(): Promise<boolean>;
  /** One sync, queued with the notebook's writes. */
  sync(): Promise<SyncResult>;
  /** Whether a sync is running or waiting to run (one the person asked for included). */
  busy(): boolean;
  /** What an automatic sync did. */
  report(outcome: AutoSyncOutcome): void;
}

export type AutoSyncOutcome =
  | { ok: true; result: SyncResult }
  /** `first`: the first failure since the last success (or since the notebook opened). */
  | { ok: false; error: unknown; first: boolean };

/** What the sync on close did. */
export type CloseSyncOutcome = 'off' | 'not-shared' | 'synced' | 'failed' | 'timed-out';

export const MINUTE_MS = 60_000;

export class AutoSync {
  private timer: ReturnType<typeof setInterval> | undefined;
  private minutes = 0;
  private running: Promise<void> | undefined;
  private failures = 0;
  private stopped = false;
  private readonly unsubscribe: () => void;

  private constructor(private readonly deps: AutoSyncDeps) {
    this.unsubscribe = deps.settings.onChange((s) => this.every(s.sync.everyMinutes));
  }

  /** Starts the timer as the settings say now (and follows their changes). */
  static async start(deps: AutoSyncDeps): Promise<AutoSync> {
    const auto = new AutoSync(deps);
    auto.every((await deps.settings.get()).sync.everyMinutes);
    return auto;
  }

  /** Syncs every `minutes` minutes from now on (0: never). */
  private every(minutes: number): void {
    if (this.stopped || (minutes === this.minutes && (this.timer || !minutes))) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.minutes = minutes;
    if (!minutes) return;
    this.timer = setInterval(() => void this.tick(), minutes * MINUTE_MS);
    // The timer never keeps a process alive on its own.
    this.timer.unref?.();
  }

  /** One tick: a sync, unless one is running or there is no remote. Resolves when it ended. */
  async tick(): Promise<void> {
    if (this.stopped || this.running || this.deps.busy()) return;
    const shared = await this.deps.hasRemote().catch(() => false);
    if (!shared || this.stopped || this.running || this.deps.busy()) return;
    this.running = this.run().finally(() => (this.running = undefined));
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      const result = await this.deps.sync();
      this.failures = 0;
      this.deps.report({ ok: true, result });
    } catch (error) {
      this.failures += 1;
      this.deps.report({ ok: false, error, first: this.failures === 1 });
    }
  }

  /** Stops the timer; resolves once a sync it started has ended (the notebook can then close). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

/**
 * The sync on close, when the person's settings ask for it and the notebook has a remote: resolves
 * when it ended or after `timeoutMs`, whichever comes first, and never rejects — the close goes on.
 */
export async function syncBeforeClose(
  deps: Pick<AutoSyncDeps, 'settings' | 'hasRemote' | 'sync'>,
  timeoutMs: number,
): Promise<CloseSyncOutcome> {
  try {
    if (!(await deps.settings.get()).sync.onClose) return 'off';
    if (!(await deps.hasRemote())) return 'not-shared';
  } catch {
    return 'failed';
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<CloseSyncOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  const synced = deps.sync().then(
    (): CloseSyncOutcome => 'synced',
    (): CloseSyncOutcome => 'failed',
  );
  try {
    return await Promise.race([synced, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Counts the syncs and shares running or queued through `service` (wrapping its two methods in
 * place), so a tick of the timer can tell that one is under way; returns the question.
 */
export function countSyncs<S extends Record<'syncNotebook' | 'shareNotebook', (input: never) => Promise<unknown>>>(
  service: S,
): () => boolean {
  let under = 0;
  for (const name of ['syncNotebook', 'shareNotebook'] as const) {
    const fn = service[name];
    service[name] = (async (input: never) => {
      under += 1;
      try {
        return await fn(input);
      } finally {
        under -= 1;
      }
    }) as S[typeof name];
  }
  return () => under > 0;
}
