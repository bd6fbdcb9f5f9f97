/** unlock: look at a notebook's lock and, when asked, remove one its owner can no longer release. */
import os from 'node:os';
import { DossierError } from '../../../shared/errors';
import { inspectNotebookLock, removeNotebookLock, type LockState } from '../../services/session';
import type { CliCommand } from '../command';
import { confirm, helpLines } from '../options';

/** The lock in words: who, where, since when. */
export function describeLock(lock: LockState): string {
  if (lock.state === 'none') return 'not locked';
  if (lock.state === 'held' && lock.lock.pid === process.pid && lock.lock.host === os.hostname())
    return 'locked by this command';
  if (lock.state === 'unreadable') return 'a lock file that cannot be read (left by a process that died creating it)';
  const { app, pid, host, since } = lock.lock;
  const where = lock.state === 'other-host' ? `on another computer, ${host}` : `on this computer (${os.hostname()})`;
  const alive = { held: ', still running', stale: ', no longer running', 'other-host': '' }[lock.state];
  return `locked by ${app ?? 'a process'} (pid ${pid}) ${where}${alive}, since ${since}`;
}

export const unlockCommand: CliCommand = {
  name: 'unlock',
  usage: helpLines('unlock [--yes]', "show who holds the notebook's lock; remove it when that Dossier is gone"),
  options: { yes: { type: 'boolean' } },
  readOnly: () => true,
  async run({ notebook, options, io, print }) {
    const lock = await inspectNotebookLock(notebook);
    const what = `${notebook} is ${describeLock(lock)}`;
    if (lock.state === 'none') {
      print({ removed: false, lock: null }, () => [`${notebook} is not locked.`]);
      return;
    }
    if (lock.state === 'held') throw DossierError.of('locked', 'cli.closeThereLockWas', { what });
    const asked = `${what}.\nRemove the lock? Only when Dossier is not running there: it would lose its changes. [y/N] `;
    const sure = await confirm(options, io, asked);
    if (sure === undefined) throw DossierError.of('invalid-input', 'cli.ifDossierRunningThere', { what });
    if (!sure) throw DossierError.of('cancelled', 'cli.lockWasRemoved');
    await removeNotebookLock(notebook, lock);
    print({ removed: true, lock: 'lock' in lock ? lock.lock : null }, () => [
      `Removed the lock: ${notebook} was ${describeLock(lock)}.`,
    ]);
  },
};
