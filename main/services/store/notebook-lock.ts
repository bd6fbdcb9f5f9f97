/**
 * One writer per notebook: a `.lock` file created exclusively, holding the
 * owner's pid and host. A lock whose owner process no longer exists on this
 * host is stale and is taken over at once, so a crash never locks a person out
 * of their notebook (see docs/decisions/0002-notebook-lock.md).
 */
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DossierError, type Words } from '../../../shared/errors';

export const LOCK_FILE = '.lock';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
  app?: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(file, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? info : null;
  } catch {
    return null;
  }
}

function lockedError(root: string, info: LockInfo | null): DossierError {
  const app: Words | string = info?.app ?? { key: 'store.lockProcess' };
  const who: Words | string = !info
    ? ''
    : info.host !== os.hostname()
      ? { key: 'store.lockHolderElsewhere', params: { app, pid: info.pid, host: info.host, since: info.since } }
      : { key: 'store.lockHolder', params: { app, pid: info.pid, since: info.since } };
  return DossierError.of('locked', 'store.notebookOpenAnotherProcess', { who, root });
}

/** Takes the lock on notebook folder `root`; returns the function that releases it. */
export async function acquireNotebookLock(
  root: string,
  app = path.basename(process.argv[1] ?? 'dossier'),
): Promise<() => Promise<void>> {
  const file = path.join(root, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), app };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Synchronous on purpose: a tiny exclusive create costs ~0.1 ms, while each async step would wait
      // for an event-loop turn behind the manifest's JSON.parse during open. No fsync: a lock need not
      // survive a power cut (its owner would not either).
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, JSON.stringify(me));
      } catch (err) {
        // A full disk: the file was created but not written. Leave no empty lock behind.
        closeSync(fd);
        unlinkSync(file);
        throw err;
      }
      closeSync(fd);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        const current = await readLock(file);
        if (current?.pid === me.pid && current.host === me.host) await unlink(file).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const info = await readLock(file);
    const stale = info ? info.host === os.hostname() && !processAlive(info.pid) : false;
    if (info && !stale) throw lockedError(root, info);
    if (!info) {
      // Unreadable lock: half-written by a process that died while creating it, or one being created now.
      await new Promise((r) => setTimeout(r, 50));
      const again = await readLock(file);
      if (again) {
        if (again.host !== os.hostname() || processAlive(again.pid)) throw lockedError(root, again);
      }
    }
    // Stale: move it aside atomically (only one contender wins the rename), then retry.
    const aside = `${file}.stale-${process.pid}`;
    try {
      await rename(file, aside);
      await unlink(aside).catch(() => undefined);
    } catch {
      // Someone else took it over first; loop and look again.
    }
  }
  throw lockedError(root, await readLock(file));
}

/** Who holds a notebook's lock, as `dossier unlock` and `dossier doctor` report it. */
export type LockState =
  | { state: 'none' }
  /** A file that is not a lock Dossier wrote (half-written by a process that died creating it). */
  | { state: 'unreadable' }
  /** Its process runs on this computer: the notebook is in use. */
  | { state: 'held'; lock: LockInfo }
  /** Its process is gone from this computer: the next writer takes it over. */
  | { state: 'stale'; lock: LockInfo }
  /** Another computer's: whether its process runs cannot be known from here. */
  | { state: 'other-host'; lock: LockInfo };

export async function inspectNotebookLock(root: string): Promise<LockState> {
  const file = path.join(root, LOCK_FILE);
  const lock = await readLock(file);
  if (lock) {
    if (lock.host !== os.hostname()) return { state: 'other-host', lock };
    return { state: processAlive(lock.pid) ? 'held' : 'stale', lock };
  }
  const exists = await readFile(file).then(
    () => true,
    (err: NodeJS.ErrnoException) => err.code !== 'ENOENT',
  );
  return { state: exists ? 'unreadable' : 'none' };
}

/**
 * Removes the lock a person confirmed they saw (`seen`), after checking it is
 * still that one and its process is not running on this computer. Throws
 * `locked` otherwise; nothing is removed then.
 */
export async function removeNotebookLock(root: string, seen: LockState): Promise<void> {
  const now = await inspectNotebookLock(root);
  const same =
    now.state === seen.state &&
    JSON.stringify('lock' in now ? now.lock : null) === JSON.stringify('lock' in seen ? seen.lock : null);
  if (now.state === 'held') throw lockedError(root, now.lock);
  if (!same) throw DossierError.of('locked', 'store.lockChangedMeanwhileNothing', { root });
  if (now.state === 'none') return;
  // Moved aside first (atomic: one remover wins), then deleted.
  const file = path.join(root, LOCK_FILE);
  const aside = `${file}.unlock-${process.pid}`;
  await rename(file, aside);
  await unlink(aside);
}
