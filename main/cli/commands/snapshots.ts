/**
 * snapshots [take | restore <id>]: the notebook's snapshots, kept outside it in
 * the person's data folder (docs/storage.md, "Snapshots"). Restoring replaces
 * the notebook's files, so it asks first — or takes `--yes`.
 */
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
  usage: [
    ...helpLines('snapshots', "list the notebook's snapshots (kept outside it), newest first"),
    ...helpLines('snapshots take', 'take a snapshot now'),
    ...helpLines(
      'snapshots restore <id> [--yes]',
      "replace the notebook's files with the snapshot's (after a snapshot of them); asks first",
    ),
  ],
  options: { yes: { type: 'boolean' } },
  readOnly: (args) => (args[0] ?? 'list') === 'list',
  async run({ args, options, call, print, io }) {
    const sub = args[0] ?? 'list';
    if (!SUBCOMMANDS.includes(sub))
      throw new UsageError(
        `unknown snapshots command "${sub}" (try: dossier snapshots, dossier snapshots restore <id>)`,
      );
    if (sub === 'list') {
      const list = await call('listSnapshots', {});
      print(list, () => (list.length ? list.map(line) : ['No snapshots of this notebook yet.']));
      return;
    }
    if (sub === 'take') {
      const taken = await call('takeSnapshot', {});
      print(taken, () => [`Took snapshot ${line(taken)}`]);
      return;
    }
    const id = requireArg(args, 1, 'snapshots restore needs a snapshot id (see: dossier snapshots)');
    const snapshot = (await call('listSnapshots', {})).find((s) => s.id === id);
    const question = `Replace the notebook's files with snapshot ${id}? (A snapshot of them is taken first; undo history is reset.)`;
    if (snapshot && !options.yes && !(await confirm(question))) {
      if (!process.stdin.isTTY) throw new UsageError('snapshots restore replaces the notebook: add --yes to confirm');
      io.err('Nothing restored.');
      return;
    }
    const { saved } = await call('restoreSnapshot', { id });
    print({ restored: id, saved }, () => [`Restored snapshot ${id}. The state before it is snapshot ${saved.id}.`]);
  },
};
