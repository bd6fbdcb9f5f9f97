/** share, sync, conflicts, resolve, merge-driver: a notebook shared through git (docs/team.md). */
import { runMergeDriver } from '../../services/session';
import type { CliCommand } from '../command';
import { helpLines, requireArg, stringOption } from '../options';
import { UsageError } from '../command';
import { say } from '../words';

const SYNC_STATES = {
  'up-to-date': 'cli:team.upToDate',
  pushed: 'cli:team.pushed',
  pulled: 'cli:team.pulled',
  merged: 'cli:team.merged',
  local: 'cli:team.local',
} as const;

const syncLine = (r: { state: string; conflicts: number }) =>
  say(SYNC_STATES[r.state as keyof typeof SYNC_STATES] ?? 'cli:team.upToDate') +
  (r.conflicts ? ` ${say('cli:team.conflictsKept', { count: r.conflicts })}` : '');

export const shareCommand: CliCommand = {
  name: 'share',
  get usage() {
    return helpLines('share [--remote <url|path>]', say('cli:team.shareHelp'));
  },
  options: { remote: { type: 'string' } },
  async run({ options, call, print }) {
    const remote = stringOption(options, 'remote');
    const r = await call('shareNotebook', remote ? { remote } : {});
    print(r, () => [syncLine(r)]);
  },
};

export const syncCommand: CliCommand = {
  name: 'sync',
  get usage() {
    return helpLines('sync', say('cli:team.syncHelp'));
  },
  async run({ call, print }) {
    const r = await call('syncNotebook', {});
    print(r, () => [syncLine(r)]);
  },
};

const show = (v: unknown) => (v === undefined ? say('cli:team.absent') : JSON.stringify(v));

export const conflictsCommand: CliCommand = {
  name: 'conflicts',
  get usage() {
    return helpLines('conflicts', say('cli:team.conflictsHelp'));
  },
  readOnly: () => true,
  async run({ call, print }) {
    const list = await call('listConflicts', {});
    print(list, () =>
      list.length
        ? list.flatMap((c) => [
            `${c.id}  ${c.label}`,
            `  ${say('cli:team.mine')} ${show(c.ours)}${c.oursBy ? `  (${c.oursBy})` : ''}`,
            `  ${say('cli:team.theirs')} ${show(c.theirs)}${c.theirsBy ? `  (${c.theirsBy})` : ''}`,
          ])
        : [say('cli:team.noConflicts')],
    );
  },
};

export const resolveCommand: CliCommand = {
  name: 'resolve',
  get usage() {
    return helpLines('resolve <id> --take <side>', say('cli:team.resolveHelp'));
  },
  options: { take: { type: 'string' } },
  async run({ args, options, call, print }) {
    const id = requireArg(args, 0, say('cli:team.resolveNeedsId'));
    const take = stringOption(options, 'take');
    if (!take) throw new UsageError(say('cli:team.resolveNeedsTake'));
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
  get usage() {
    return helpLines('merge-driver %O %A %B %P', say('cli:team.mergeDriverHelp'));
  },
  readOnly: () => true,
  async run({ args, io }) {
    const [base, ours, theirs, pathName] = [0, 1, 2, 3].map((i) =>
      requireArg(args, i, say('cli:team.mergeDriverNeeds')),
    );
    const r = await runMergeDriver({ base: base!, ours: ours!, theirs: theirs!, pathName: pathName! });
    if (r.conflicts) io.err(`dossier: ${say('cli:team.driverConflicts', { count: r.conflicts, file: r.file })}`);
  },
};
