/**
 * snapshots [take | restore <id>]: the notebook's snapshots, kept outside it in
 * the person's data folder (docs/storage.md, "Snapshots"). Restoring replaces
 * the notebook's files, so it asks first — or takes `--yes`.
 */
import { say } from '../words';
import { createInterface } from 'node:readline/promises';
import type { SnapshotInfo } from '../../../shared/api/history';
import { UsageError, type CliCommand } from '../command';
import { helpLines, requireArg } from '../options';

const SUBCOMMANDS = ['list', 'take', 'restore'];

function line(s: SnapshotInfo): string {
  return `${s.id}  ${s.at.replace('T', ' ').slice(0, 19)} UTC  ${s.reason.padEnd(7)}  ${Math.ceil(s.bytes / 1024)} kB`;
}

/** Asks on the terminal; false without one (then --yes is needed). */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export const snapshotsCommand: CliCommand = {
  name: 'snapshots',
  get usage() {
    return [
      ...helpLines('snapshots', say('cli:snapshots.listNotebookSSnapshots')),
      ...helpLines('snapshots take', say('cli:snapshots.takeSnapshotNow')),
      ...helpLines('snapshots restore <id> [--yes]', say('cli:snapshots.replaceNotebookSFiles')),
    ];
  },
  options: { yes: { type: 'boolean' } },
  readOnly: (args) => (args[0] ?? 'list') === 'list',
  async run({ args, options, call, print, io }) {
    const sub = args[0] ?? 'list';
    if (!SUBCOMMANDS.includes(sub)) throw new UsageError(say('cli:snapshots.unknownSnapshotsCommandTry', { sub }));
    if (sub === 'list') {
      const list = await call('listSnapshots', {});
      print(list, () => (list.length ? list.map(line) : [say('cli:snapshots.snapshotsNotebookYet')]));
      return;
    }
    if (sub === 'take') {
      const taken = await call('takeSnapshot', {});
      print(taken, () => [say('cli:snapshots.tookSnapshot', { taken: line(taken) })]);
      return;
    }
    const id = requireArg(args, 1, say('cli:snapshots.snapshotsRestoreNeedsSnapshot'));
    const snapshot = (await call('listSnapshots', {})).find((s) => s.id === id);
    const question = say('cli:snapshots.confirmRestore', { id });
    if (snapshot && !options.yes && !(await confirm(question))) {
      if (!process.stdin.isTTY) throw new UsageError(say('cli:snapshots.snapshotsRestoreReplacesNotebook'));
      io.err(say('cli:snapshots.nothingRestored'));
      return;
    }
    const { saved } = await call('restoreSnapshot', { id });
    print({ restored: id, saved }, () => [say('cli:snapshots.restoredSnapshotStateBefore', { id, id2: saved.id })]);
  },
};
