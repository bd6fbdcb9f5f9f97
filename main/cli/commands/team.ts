/** share, sync, conflicts, resolve, merge-driver, timeline, restore: a notebook shared through git (docs/team.md). */
import { runMergeDriver } from '../../services/session';
import type { TimelineCommit } from '../../../shared/api';
import { conflictPlace } from '../../../shared/team/conflict-place';
import { conflictSides } from '../../../shared/team/conflict-sides';
import type { Conflict } from '../../../shared/team/conflicts';
import type { CliCommand } from '../command';
import { helpLines, requireArg, stringOption } from '../options';
import { UsageError } from '../command';
import { cliTranslator, say } from '../words';

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

/**
 * A conflict's two sides as `--take` names them, each with its value, who made it, whether the
 * notebook keeps it now and whether it is the person's own — `ours` is the merging computer's side,
 * which after someone else's merge is theirs, not the reader's.
 */
function conflictLines(c: Conflict, me: { name?: string; email?: string }): string[] {
  const values = { ours: show(c.ours), theirs: show(c.theirs) };
  const width = Math.max(values.ours.length, values.theirs.length);
  return conflictSides(c, me).map((view) => {
    const by = view.side === 'ours' ? c.oursBy : c.theirsBy;
    const notes = [
      ...(by ? [say('cli:team.by', { who: by })] : []),
      ...(view.shownNow ? [`(${say('cli:team.keptNow')})`] : []),
      ...(view.yours ? [`(${say('cli:team.yours')})`] : []),
    ];
    return `  ${view.side.padEnd(6)}  ${values[view.side].padEnd(width)}  ${notes.join(' ')}`.trimEnd();
  });
}

export const conflictsCommand: CliCommand = {
  name: 'conflicts',
  get usage() {
    return helpLines('conflicts', say('cli:team.conflictsHelp'));
  },
  readOnly: () => true,
  async run({ call, print }) {
    const list = await call('listConflicts', {});
    const settings = list.length ? await call('getSettings', {}) : undefined;
    const me = { name: settings?.authorName, email: settings?.authorEmail };
    print(list, () =>
      list.length
        ? [
            ...list.flatMap((c) => [
              `${c.id}  ${conflictPlace(c, cliTranslator()).join(' › ')}`,
              ...conflictLines(c, me),
            ]),
            say('cli:team.takeHint'),
          ]
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

/** A commit in one line: short id, when (UTC), who, what. */
const commitLine = (c: TimelineCommit) =>
  `${c.id.slice(0, 7)}  ${c.at.slice(0, 16).replace('T', ' ')}  ${c.author.name}  ${c.summary}`;

export const timelineCommand: CliCommand = {
  name: 'timeline',
  get usage() {
    return helpLines('timeline [<commit>]', say('cli:team.timelineHelp'));
  },
  readOnly: () => true,
  async run({ args, call, print }) {
    const [commit] = args;
    if (commit) {
      const r = await call('getTimelineCommit', { commit });
      const labels = r.touched.map((t) => say(`cli:team.touched.${t.kind}.${t.change}`));
      const width = Math.max(0, ...labels.map((l) => l.length));
      print(r, () => [
        commitLine(r.commit),
        ...r.commit.changes.map((c) => `  - ${c}`),
        ...(r.touched.length
          ? r.touched.map((t, i) => `  ${labels[i]!.padEnd(width)}  ${t.title} (${t.id})`)
          : [`  ${say('cli:team.touchedNone')}`]),
      ]);
      return;
    }
    const commits: TimelineCommit[] = [];
    for (let more = true; more;) {
      const page = await call('listTimeline', { offset: commits.length, limit: 500 });
      commits.push(...page.commits);
      more = page.more;
    }
    print(commits, () => (commits.length ? commits.map(commitLine) : [say('cli:team.timelineNone')]));
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  get usage() {
    return helpLines('restore <source|brief> <id> --from <commit>', say('cli:team.restoreHelp'));
  },
  options: { from: { type: 'string' } },
  async run({ args, options, call, print }) {
    const kind = requireArg(args, 0, say('cli:team.restoreNeedsKind'));
    if (kind !== 'source' && kind !== 'brief') throw new UsageError(say('cli:team.restoreNeedsKind'));
    const id = requireArg(args, 1, say('cli:team.restoreNeedsId'));
    const commit = stringOption(options, 'from');
    if (!commit) throw new UsageError(say('cli:team.restoreNeedsFrom'));
    const r = await call('restoreFromTimeline', { commit, kind, id });
    print(r, () => [`${r.label}.`]);
  },
};
