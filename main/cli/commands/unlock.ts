/** unlock: look at a notebook's lock and, when asked, remove one its owner can no longer release. */
import { say } from '../words';
import os from 'node:os';
import { DossierError } from '../../../shared/errors';
import { inspectNotebookLock, removeNotebookLock, type LockState } from '../../services/session';
import type { CliCommand } from '../command';
import { confirm, helpLines } from '../options';

/** The lock in words: who, where, since when. */
export function describeLock(lock: LockState): string {
  if (lock.state === 'none') return say('cli:unlock.notLocked');
  if (lock.state === 'held' && lock.lock.pid === process.pid && lock.lock.host === os.hostname())
    return say('cli:unlock.lockedCommand');
  if (lock.state === 'unreadable') return say('cli:unlock.lockFileCannotRead');
  const { app, pid, host, since } = lock.lock;
  const where =
    lock.state === 'other-host'
      ? say('cli:unlock.anotherComputer', { host })
      : say('cli:unlock.computer', { value: os.hostname() });
  const alive = { held: say('cli:unlock.stillRunning'), stale: say('cli:unlock.longerRunning'), 'other-host': '' }[
    lock.state
  ];
  return say('cli:unlock.lockedPidSince', { value: app ?? say('cli:unlock.process'), pid, where, alive, since });
}

export const unlockCommand: CliCommand = {
  name: 'unlock',
  get usage() {
    return helpLines('unlock [--yes]', say('cli:unlock.showWhoHoldsNotebook'));
  },
  options: { yes: { type: 'boolean' } },
  readOnly: () => true,
  async run({ notebook, options, io, print }) {
    const lock = await inspectNotebookLock(notebook);
    const what = `${notebook} is ${describeLock(lock)}`;
    if (lock.state === 'none') {
      print({ removed: false, lock: null }, () => [say('cli:unlock.notLockedNotebook', { notebook })]);
      return;
    }
    if (lock.state === 'held') throw DossierError.of('locked', 'cli.closeThereLockWas', { what });
    const asked = `${say('cli:unlock.removeLockOnlyWhen', { what })} `;
    const sure = await confirm(options, io, asked);
    if (sure === undefined) throw DossierError.of('invalid-input', 'cli.ifDossierRunningThere', { what });
    if (!sure) throw DossierError.of('cancelled', 'cli.lockWasRemoved');
    await removeNotebookLock(notebook, lock);
    print({ removed: true, lock: 'lock' in lock ? lock.lock : null }, () => [
      say('cli:unlock.removedLockWas', { notebook, lock: describeLock(lock) }),
    ]);
  },
};
