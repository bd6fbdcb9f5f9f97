/** share, sync, conflicts, resolve, merge-driver: a notebook shared through git (docs/team.md). */
import { runMergeDriver } from '../../services/session';
import type { CliCommand } from '../command';
import { helpLines, requireArg, stringOption } from '../options';
import { UsageError } from '../command';

const syncLine = (r: { state: string; conflicts: number }) =>
  ({
    'up-to-date': 'Up to date.',
    pushed: 'Shared your changes.',
    pulled: "Took the team's changes.",
    merged: "Merged your changes with the team's and shared the result.",
    local: 'Committed; the notebook has no remote to share with.',
  })[r.state] + (r.conflicts ? ` ${r.conflicts} conflict(s) kept: dossier conflicts lists them.` : '');

export const shareCommand: CliCommand = {
  name: 'share',
  usage: helpLines(
    'share [--remote <url|path>]',
    'put the notebook under git and share it (a folder or an https address)',
  ),
  options: { remote: { type: 'string' } },
  async run({ options, call, print }) {
    const remote = stringOption(options, 'remote');
    const r = await call('shareNotebook', remote ? { remote } : {});
    print(r, () => [syncLine(r)]);
  },
};

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: helpLines('sync', "commit, merge the team's changes record by record, push"),
  async run({ call, print }) {
    const r = await call('syncNotebook', {});
    print(r, () => [syncLine(r)]);
  },
};

const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));

export const conflictsCommand: CliCommand = {
  name: 'conflicts',
  usage: helpLines('conflicts', 'list what merges could not decide, both values side by side'),
  readOnly: () => true,
  async run({ call, print }) {
    const list = await call('listConflicts', {});
    print(list, () =>
      list.length
        ? list.flatMap((c) => [
            `${c.id}  ${c.label}`,
            `  mine:   ${show(c.ours)}${c.oursBy ? `  (${c.oursBy})` : ''}`,
            `  theirs: ${show(c.theirs)}${c.theirsBy ? `  (${c.theirsBy})` : ''}`,
          ])
        : ['No conflicts.'],
    );
  },
};

export const resolveCommand: CliCommand = {
  name: 'resolve',
  usage: helpLines('resolve <id> --take <side>', 'settle a conflict: ours, theirs, or a JSON value (undoable)'),
  options: { take: { type: 'string' } },
  async run({ args, options, call, print }) {
    const id = requireArg(args, 0, 'resolve needs the id of a conflict (dossier conflicts lists them)');
    const take = stringOption(options, 'take');
    if (!take) throw new UsageError('resolve needs --take ours, --take theirs or --take <JSON value>');
    let choice: 'ours' | 'theirs' | { value: unknown };
    if (take === 'ours' || take === 'theirs') choice = take;
    else {
      try {
        choice = { value: JSON.parse(take) as unknown };
      } catch {
        choice = { value: take };
      }
    }
    const r = await call('resolveConflict', { id, take: choice });
    print(r, () => [`${r.label}.`]);
  },
};

export const mergeDriverCommand: CliCommand = {
  name: 'merge-driver',
  usage: helpLines('merge-driver %O %A %B %P', "git's merge driver for notebook files (dossier share registers it)"),
  readOnly: () => true,
  async run({ args, io }) {
    const [base, ours, theirs, pathName] = [0, 1, 2, 3].map((i) =>
      requireArg(args, i, 'merge-driver needs the base, ours and theirs files and the path (%O %A %B %P)'),
    );
    const r = await runMergeDriver({ base: base!, ours: ours!, theirs: theirs!, pathName: pathName! });
    if (r.conflicts) io.err(`dossier: ${r.conflicts} conflict(s) kept in ${r.file}; dossier conflicts lists them.`);
  },
};
