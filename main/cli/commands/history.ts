/** undo, redo: step back and forth through the notebook's history, shared with the app. */
import { DossierError } from '../../../shared/errors';
import type { CliCommand, CommandContext } from '../command';
import { helpLines } from '../options';

async function step(which: 'undo' | 'redo', { call, print }: CommandContext): Promise<void> {
  const result = await call(which, {});
  if (result.label === undefined) throw new DossierError('not-found', `Nothing to ${which}.`);
  const next = result.undoLabel ? `next undo: ${result.undoLabel}` : 'nothing more to undo';
  print(result, () => [`${which === 'undo' ? 'Undid' : 'Redid'}: ${result.label}  (${next})`]);
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
