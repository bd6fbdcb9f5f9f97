/** undo, redo: step back and forth through the notebook's history, shared with the app. */
import { say } from '../words';
import { DossierError } from '../../../shared/errors';
import type { CliCommand, CommandContext } from '../command';
import { helpLines } from '../options';

async function step(which: 'undo' | 'redo', { call, print }: CommandContext): Promise<void> {
  const result = await call(which, {});
  if (result.label === undefined)
    throw DossierError.of('not-found', which === 'undo' ? 'cli.nothingToUndo' : 'cli.nothingToRedo');
  const next = result.undoLabel
    ? say('cli:history.nextUndo', { label: result.undoLabel })
    : say('cli:history.noMoreUndo');
  print(result, () => [
    say(which === 'undo' ? 'cli:history.undid' : 'cli:history.redid', { label: result.label ?? '', next }),
  ]);
}

export const undoCommand: CliCommand = {
  name: 'undo',
  get usage() {
    return helpLines('undo', say('cli:history.undoLastChangeMade'));
  },
  run: (ctx) => step('undo', ctx),
};

export const redoCommand: CliCommand = {
  name: 'redo',
  get usage() {
    return helpLines('redo', say('cli:history.redoLastUndoneChange'));
  },
  run: (ctx) => step('redo', ctx),
};
