/**
 * Puts a value at a conflict's place in a notebook file (docs/team.md): the
 * side a person took, or a value of their own. `undefined` removes the field
 * or record (the side where it was absent). Pure.
 */
import { DossierError } from '../../../../shared/errors';
import type { Conflict } from '../../../../shared/team/conflicts';
import type { Shape } from './json-merge';

/** `value` with `conflict.path` set to `chosen`; the whole file when the path is empty (undefined: no file). */
export function setAtPath(shape: Shape, value: unknown, path: Conflict['path'], chosen: unknown): unknown {
  if (path.length === 0) return chosen;
  const [step, ...rest] = path as [Conflict['path'][number], ...Conflict['path']];
  if (typeof step === 'string') {
    const fields = shape.kind === 'object' ? shape.fields : undefined;
    const obj = { ...((value ?? {}) as Record<string, unknown>) };
    const next = setAtPath(fields?.[step] ?? { kind: 'atom' }, obj[step], rest, chosen);
    if (next === undefined) delete obj[step];
    else obj[step] = next;
    return obj;
  }
  if (shape.kind !== 'records')
    throw DossierError.of('invalid-input', 'team.pathDoesNotFit', { step: JSON.stringify(step) });
  const list = [...((value ?? []) as Record<string, unknown>[])];
  const at = list.findIndex((r) => String(r?.[shape.key]) === step.id);
  const next = setAtPath(shape.item, at >= 0 ? list[at] : undefined, rest, chosen);
  if (at >= 0 && next === undefined) list.splice(at, 1);
  else if (at >= 0) list[at] = next as Record<string, unknown>;
  else if (next !== undefined) list.push(next as Record<string, unknown>);
  return list;
}

/** The value a choice stands for. */
export function chosenValue(conflict: Conflict, take: 'ours' | 'theirs' | { value: unknown }): unknown {
  if (take === 'ours') return conflict.ours;
  if (take === 'theirs') return conflict.theirs;
  return take.value;
}
