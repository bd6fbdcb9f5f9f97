/** doctor [--repair]: check a notebook folder and repair what a crash left (docs/cli.md). */
import { say } from '../words';
import type { NotebookCheck, NotebookRepair } from '../../../shared/api';
import { DossierError } from '../../../shared/errors';
import type { CliCommand } from '../command';
import { confirm, helpLines } from '../options';
import { describeLock } from './unlock';

const OK = '✓';
const BAD = '✗';

function report(c: NotebookCheck): string[] {
  const lines = [say('cli:doctor.notebook', { path: c.path })];
  if (c.manifestProblem) {
    lines.push(`${BAD} ${c.manifestProblem}`, `  ${say('cli:doctor.nothingElseCanChecked')}`);
  } else {
    const bad = c.unreadableSources.length;
    lines.push(
      bad
        ? say('cli:doctor.listedSourcesCannotRead', { BAD, bad, sourcesChecked: c.sourcesChecked })
        : say('cli:doctor.notebookJsonAllListed', { OK, sourcesChecked: c.sourcesChecked }),
      ...c.unreadableSources.map((s) => `    ${s.id}  ${s.title}: ${s.problem}`),
    );
    if (c.unreadableBriefs.length)
      lines.push(
        say('cli:doctor.briefsCannotRead', { BAD, bad: c.unreadableBriefs.length }),
        ...c.unreadableBriefs.map((b) => `    ${b.problem}`),
      );
    lines.push(
      c.unlistedFiles.length
        ? say('cli:doctor.fileSSourcesAre', { BAD, unlistedFilesCount: c.unlistedFiles.length })
        : say('cli:doctor.unlistedFilesSources', { OK }),
      ...c.unlistedFiles.map((u) =>
        u.problem
          ? `    ${say('cli:doctor.cannotReadRepairMoves', { file: u.file, problem: u.problem })}`
          : u.duplicateOf
            ? `    ${say('cli:doctor.copyListedSourceRepair', { file: u.file, title: u.title ?? '', duplicateOf: u.duplicateOf })}`
            : `    ${say('cli:doctor.validSourceRepairLists', { file: u.file, title: u.title ?? '' })}`,
      ),
    );
  }
  if (c.tempFilesRemoved.length)
    lines.push(
      say('cli:doctor.removedTempFileS', {
        OK,
        tempFilesRemovedCount: c.tempFilesRemoved.length,
        tempFilesRemoved: c.tempFilesRemoved.join(', '),
      }),
    );
  lines.push(
    c.tempFiles.length
      ? say('cli:doctor.tempFileSLeft', { BAD, tempFilesCount: c.tempFiles.length, tempFiles: c.tempFiles.join(', ') })
      : say('cli:doctor.tempFilesLeftBehind', { OK }),
  );
  const lock = describeLock(c.lock);
  const lockOk = c.lock.state === 'none' || c.lock.state === 'held';
  const hint = {
    stale: ` ${say('cli:doctor.nextWriterTakesOver')}`,
    unreadable: ` ${say('cli:doctor.dossierUnlockRemoves')}`,
  };
  const note = c.lock.state === 'stale' || c.lock.state === 'unreadable' ? hint[c.lock.state] : '';
  const other = c.lock.state === 'other-host' ? ` ${say('cli:doctor.ifDossierClosedThere')}` : '';
  lines.push(say('cli:doctor.lockLine', { mark: lockOk ? OK : BAD, lock, note, other }));
  lines.push(say('cli:doctor.symbolicLinksInsideFolder', { OK }));
  return lines;
}

function repairLines(r: NotebookRepair): string[] {
  return [
    ...r.relisted.map((s) => say('cli:doctor.listedAgainDossierUndo', { file: s.file, title: s.title })),
    ...r.movedAside.map((m) => say('cli:doctor.moved', { file: m.file, to: m.to, reason: m.reason })),
  ];
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  get usage() {
    return helpLines('doctor [--repair] [--yes]', say('cli:doctor.checkNotebookFolderRepair'));
  },
  options: { repair: { type: 'boolean' }, yes: { type: 'boolean' } },
  readOnly: (_args, options) => !options.repair,
  inspectsDamage: true,
  async run({ options, io, json, call, print }) {
    const before = await call('checkNotebook', {});
    if (!options.repair) {
      print(before, () => report(before));
      if (!before.ok) throw DossierError.of('corrupt', 'cli.notebookNeedsAttentionSee');
      return;
    }
    const repairable = !before.manifestProblem && before.unlistedFiles.length > 0;
    if (!json) for (const line of report(before)) io.out(line);
    let repair: NotebookRepair | null = null;
    if (repairable) {
      const n = before.unlistedFiles.length;
      const sure = await confirm(options, io, `${say('cli:doctor.repairUnlistedFileS', { n })} `);
      if (sure === undefined) throw DossierError.of('invalid-input', 'cli.doctorRepairChangesNotebook');
      if (!sure) throw DossierError.of('cancelled', 'cli.nothingWasRepaired');
      repair = await call('repairNotebook', {});
    }
    const after = await call('checkNotebook', {});
    if (json) io.out(JSON.stringify({ before, repair, after }, null, 2));
    else {
      io.out('');
      for (const line of repair ? repairLines(repair) : [say('cli:doctor.nothingRepair')]) io.out(line);
    }
    if (!after.ok) throw DossierError.of('corrupt', 'cli.notebookStillNeedsAttention');
  },
};
