/** doctor [--repair]: check a notebook folder and repair what a crash left (docs/cli.md). */
import type { NotebookCheck, NotebookRepair } from '../../../shared/api';
import { DossierError } from '../../../shared/errors';
import type { CliCommand } from '../command';
import { confirm, helpLines } from '../options';
import { describeLock } from './unlock';

const OK = '✓';
const BAD = '✗';

function report(c: NotebookCheck): string[] {
  const lines = [`Notebook: ${c.path}`];
  if (c.manifestProblem) {
    lines.push(
      `${BAD} ${c.manifestProblem}`,
      '  (nothing else can be checked until notebook.json is fixed or restored)',
    );
  } else {
    const bad = c.unreadableSources.length;
    lines.push(
      bad
        ? `${BAD} ${bad} of ${c.sourcesChecked} listed sources cannot be read (restore their files from a backup):`
        : `${OK} notebook.json and all ${c.sourcesChecked} listed sources can be read`,
      ...c.unreadableSources.map((s) => `    ${s.id}  ${s.title}: ${s.problem}`),
    );
    lines.push(
      c.unlistedFiles.length
        ? `${BAD} ${c.unlistedFiles.length} file(s) in sources/ are not listed in the notebook:`
        : `${OK} no unlisted files in sources/`,
      ...c.unlistedFiles.map((u) =>
        u.problem
          ? `    ${u.file}: cannot be read (${u.problem}); --repair moves it to .orphans/`
          : u.duplicateOf
            ? `    ${u.file}: “${u.title}”, a copy of listed source ${u.duplicateOf}; --repair moves it to .orphans/`
            : `    ${u.file}: “${u.title}”, a valid source; --repair lists it again`,
      ),
    );
  }
  if (c.tempFilesRemoved.length)
    lines.push(
      `${OK} removed ${c.tempFilesRemoved.length} temp file(s) left by a crash: ${c.tempFilesRemoved.join(', ')}`,
    );
  lines.push(
    c.tempFiles.length
      ? `${BAD} ${c.tempFiles.length} temp file(s) left by a crash (removed when the notebook is next opened for writing, e.g. by --repair): ${c.tempFiles.join(', ')}`
      : `${OK} no temp files left behind`,
  );
  const lock = describeLock(c.lock);
  const lockOk = c.lock.state === 'none' || c.lock.state === 'held';
  const hint = { stale: ' (the next writer takes it over)', unreadable: ' (dossier unlock removes it)' };
  const note = c.lock.state === 'stale' || c.lock.state === 'unreadable' ? hint[c.lock.state] : '';
  const other = c.lock.state === 'other-host' ? ' (if Dossier is closed there: dossier unlock)' : '';
  lines.push(`${lockOk ? OK : BAD} lock: ${lock}${note}${other}`);
  lines.push(`${OK} no symbolic links inside the folder`);
  return lines;
}

function repairLines(r: NotebookRepair): string[] {
  return [
    ...r.relisted.map((s) => `Listed again: ${s.file}  “${s.title}” (dossier undo unlists it)`),
    ...r.movedAside.map((m) => `Moved ${m.file} to ${m.to} (${m.reason})`),
  ];
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  usage: helpLines(
    'doctor [--repair] [--yes]',
    'check the notebook folder; --repair lists valid unlisted sources again and moves other unlisted files to .orphans/',
  ),
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
      const sure = await confirm(options, io, `Repair ${n} unlisted file(s) as shown above? [y/N] `);
      if (sure === undefined) throw DossierError.of('invalid-input', 'cli.doctorRepairChangesNotebook');
      if (!sure) throw DossierError.of('cancelled', 'cli.nothingWasRepaired');
      repair = await call('repairNotebook', {});
    }
    const after = await call('checkNotebook', {});
    if (json) io.out(JSON.stringify({ before, repair, after }, null, 2));
    else {
      io.out('');
      for (const line of repair ? repairLines(repair) : ['Nothing to repair.']) io.out(line);
    }
    if (!after.ok) throw DossierError.of('corrupt', 'cli.notebookStillNeedsAttention');
  },
};
