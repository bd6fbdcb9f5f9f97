/** undo, redo: step back and forth through the notebook's history, shared with the app. */
import { DossierError } from '../../../shared/errors';
import type { CliCommand, CommandContext } from '../command';
import { helpLines } from '../options';

async function step(which: 'undo' | 'redo', { call, print, t }: CommandContext): Promise<void> {
  const result = await call(which, {});
  if (result.label === undefined)
    throw DossierError.of('not-found', which === 'undo' ? 'cli.nothingToUndo' : 'cli.nothingToRedo');
  const next = result.undoLabel ? t('cli:history.nextUndo', { label: result.undoLabel }) : t('cli:history.noMoreUndo');
  print(result, () => [t(which === 'undo' ? 'cli:history.undid' : 'cli:history.redid', { label: result.label, next })]);
}

export const undoCommand: CliCommand = {
  name: 'undo',
  usage: helpLines('undo', 'undo the last change (made here or in the app) and say what it was'),
  run: (ctx) => step('undo', ctx),
};

export const redoCommand: CliCommand = {
  name: 'redo',
  usage: helpLines('redo', 'redo the last undone change and say what it was'),
  run: (ctx) => step('redo', ctx),
};
