/**
 * A three-way merge of JSON values by record and field, driven by a shape
 * that says how each part of a file merges (docs/team.md):
 *
 * - `atom`: a value merged whole — changed on one side it is taken, changed
 *   differently on both it is a conflict (the result keeps ours);
 * - `object`: field by field, each by its own shape (`atom` when not named);
 * - `records`: a list of records with a key field, merged by key; additions
 *   on both sides are kept, a record deleted on one side and edited on the
 *   other is a conflict; the order is merged too (below);
 * - `set`: a list of distinct plain values (statuses, tag ids): additions and
 *   removals of both sides, order kept;
 * - `doc`: a tiptap document, merged by top-level block (diff3 over the
 *   blocks), else a conflict on the whole document;
 * - `latest`: a time stamp of the last change (`updatedAt`): both changed,
 *   the later one is kept — bookkeeping, never a conflict.
 *
 * A list's order is merged symmetrically, so merging A into B and B into A
 * give the same order: the order of the kept base items (one side's when only
 * that side reordered them), and each run of items a side added placed after
 * the item it followed on that side; runs of both sides at one place are
 * ordered by their first key.
 */
import { diff3Merge } from 'node-diff3';
import type { ConflictPathStep } from '../../../../shared/team/conflicts';

export type Shape =
  | { kind: 'atom' }
  | { kind: 'object'; fields?: Readonly<Record<string, Shape>> }
  | { kind: 'records'; key: string; item: Shape; name?: (record: Record<string, unknown>) => string | undefined }
  | { kind: 'set' }
  | { kind: 'doc' }
  | { kind: 'latest' };

export const atom: Shape = { kind: 'atom' };
export const set: Shape = { kind: 'set' };
export const doc: Shape = { kind: 'doc' };
export const latest: Shape = { kind: 'latest' };
export const object = (fields: Record<string, Shape> = {}): Shape => ({ kind: 'object', fields });
export const records = (item: Shape, key = 'id', name?: (r: Record<string, unknown>) => string | undefined): Shape => ({
  kind: 'records',
  key,
  item,
  name,
});

/** A place both sides changed differently. Absent values (`undefined`) were absent there. */
export interface RawConflict {
  path: ConflictPathStep[];
  label: string[];
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

type Json = unknown;

/** Deep equality of JSON values; key order does not matter. */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as Json[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ao = a as Record<string, Json>;
  const bo = b as Record<string, Json>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => sameJson(ao[k], bo[k]));
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges `ours` and `theirs`, both changed from `base`; conflicts are pushed to `out` and keep ours. */
export function merge3(
  shape: Shape,
  base: Json,
  ours: Json,
  theirs: Json,
  out: RawConflict[],
  path: ConflictPathStep[] = [],
  label: string[] = [],
): Json {
  if (sameJson(ours, theirs)) return ours;
  if (sameJson(base, ours)) return theirs;
  if (sameJson(base, theirs)) return ours;
  const conflict = () => {
    out.push({ path, label, base, ours, theirs });
    return ours;
  };
  if (ours === undefined || theirs === undefined) return conflict();
  switch (shape.kind) {
    case 'object': {
      if (!isObject(ours) || !isObject(theirs) || (base !== undefined && !isObject(base))) return conflict();
      const b = (base ?? {}) as Record<string, Json>;
      const result: Record<string, Json> = {};
      for (const k of unionKeys(Object.keys(ours), Object.keys(theirs))) {
        const v = merge3(shape.fields?.[k] ?? atom, b[k], ours[k], theirs[k], out, [...path, k], [...label, k]);
        if (v !== undefined) result[k] = v;
      }
      return result;
    }
    case 'records': {
      if (!Array.isArray(ours) || !Array.isArray(theirs) || (base !== undefined && !Array.isArray(base)))
        return conflict();
      return mergeRecords(shape, (base ?? []) as Json[], ours, theirs, out, path, label);
    }
    case 'set': {
      if (!Array.isArray(ours) || !Array.isArray(theirs) || (base !== undefined && !Array.isArray(base)))
        return conflict();
      const b = (base ?? []) as Json[];
      const key = (v: Json) => JSON.stringify(v);
      const inB = new Set(b.map(key));
      const inO = new Set(ours.map(key));
      const inT = new Set(theirs.map(key));
      const keep = (k: string) => (inB.has(k) ? inO.has(k) && inT.has(k) : inO.has(k) || inT.has(k));
      const byKey = new Map<string, Json>([...b, ...theirs, ...ours].map((v) => [key(v), v]));
      return mergeOrder(b.map(key), ours.map(key), theirs.map(key), keep).map((k) => byKey.get(k));
    }
    case 'doc': {
      const blocks = (d: Json) => (isObject(d) && Array.isArray(d.content) ? d.content : undefined);
      const [b, o, t] = [blocks(base ?? { content: [] }), blocks(ours), blocks(theirs)];
      const rest = (d: Json) => ({ ...(d as Record<string, Json>), content: undefined });
      if (!b || !o || !t || !sameJson(rest(ours), rest(theirs))) return conflict();
      const str = (xs: Json[]) => xs.map((x) => JSON.stringify(x));
      const regions = diff3Merge(str(o), str(b), str(t));
      if (regions.some((r) => !r.ok)) return conflict();
      const content = regions.flatMap((r) => (r.ok ?? []).map((s) => JSON.parse(s) as Json));
      return { ...(ours as Record<string, Json>), content };
    }
    case 'latest':
      return String(ours) > String(theirs) ? ours : theirs;
    case 'atom':
      return conflict();
  }
}

function mergeRecords(
  shape: Extract<Shape, { kind: 'records' }>,
  base: Json[],
  ours: Json[],
  theirs: Json[],
  out: RawConflict[],
  path: ConflictPathStep[],
  label: string[],
): Json[] {
  const keyOf = (r: Json) => (isObject(r) ? String(r[shape.key]) : JSON.stringify(r));
  const index = (xs: Json[]) => new Map(xs.map((r) => [keyOf(r), r]));
  const [b, o, t] = [index(base), index(ours), index(theirs)];
  const merged = new Map<string, Json>();
  for (const k of unionKeys([...b.keys()], [...o.keys()], [...t.keys()])) {
    const any = (o.get(k) ?? t.get(k) ?? b.get(k)) as Record<string, Json>;
    const name =
      (isObject(any) && (shape.name?.(any) ?? (any.name as string | undefined) ?? (any.title as string | undefined))) ||
      k;
    const v = merge3(shape.item, b.get(k), o.get(k), t.get(k), out, [...path, { id: k }], [...label, String(name)]);
    if (v !== undefined) merged.set(k, v);
  }
  const order = mergeOrder([...b.keys()], [...o.keys()], [...t.keys()], (k) => merged.has(k));
  return order.map((k) => merged.get(k));
}

/** Keys of several lists, each once, in order of first appearance. */
function unionKeys(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** The merged order of the keys `keep` accepts (see the header). */
export function mergeOrder(base: string[], ours: string[], theirs: string[], keep: (k: string) => boolean): string[] {
  const inBase = new Set(base);
  const common = (side: string[]) => side.filter((k) => inBase.has(k));
  const baseOrder = (side: string[]) => {
    const s = new Set(side);
    return base.filter((k) => s.has(k));
  };
  const reordered = (side: string[]) => !sameJson(common(side), baseOrder(side));
  // The backbone: the kept base keys, in base order or in the order of the one side that reordered them.
  let backbone = base;
  if (reordered(ours)) backbone = [...common(ours), ...base.filter((k) => !ours.includes(k))];
  else if (reordered(theirs)) backbone = [...common(theirs), ...base.filter((k) => !theirs.includes(k))];
  backbone = backbone.filter(keep);
  const onBackbone = new Set(backbone);
  // Runs of added keys, by the backbone key they follow ('' = the start).
  const runs = new Map<string, string[][]>();
  for (const side of [ours, theirs]) {
    let anchor = '';
    let run: string[] = [];
    const flush = () => {
      if (run.length) runs.set(anchor, [...(runs.get(anchor) ?? []), run]);
      run = [];
    };
    for (const k of side) {
      if (onBackbone.has(k)) {
        flush();
        anchor = k;
      } else if (!inBase.has(k) && keep(k)) run.push(k);
    }
    flush();
  }
  const result: string[] = [];
  const seen = new Set<string>();
  const emit = (k: string) => {
    if (!seen.has(k)) result.push(k);
    seen.add(k);
  };
  const emitRuns = (anchor: string) =>
    [...(runs.get(anchor) ?? [])].sort((x, y) => cmp(x.join('\n'), y.join('\n'))).forEach((run) => run.forEach(emit));
  emitRuns('');
  for (const k of backbone) {
    emit(k);
    emitRuns(k);
  }
  return result;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
