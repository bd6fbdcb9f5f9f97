/**
 * Random concurrent edits on two copies of one notebook, merged both ways: the two results
 * converge (once every conflict is resolved the same way), keep every edit that did not conflict,
 * and record every field both sides changed differently as a conflict.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotebookManifest, SourceFile } from '../../../shared/model';
import type { Conflict } from '../../../shared/team/conflicts';
import {
  mergeNotebook,
  reanchor,
  resolveInFile,
  type NotebookVersions,
} from '../../../main/services/team/merge/notebook-merge';
import { sameJson } from '../../../main/services/team/merge/json-merge';
import { annotation, clone, json, manifest, sourceFile, TEXT } from './fixtures';

interface Notebook {
  manifest: NotebookManifest;
  source: SourceFile;
}

const NAMES = ['Anna', 'Bo', 'Cecilia', 'Dan'];
const QUOTES = ['minister said', 'budget of 40 million', 'contractor declined', 'open in May'];
const para = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });

/** One edit; `side` makes the ids it adds its own. */
type Op = (nb: Notebook, side: string, n: number) => void;
const ops: Record<string, fc.Arbitrary<Op>> = {
  renameActor: fc.tuple(fc.nat(3), fc.constantFrom(...NAMES)).map(([i, name]) => (nb) => {
    const a = nb.manifest.actors[i % Math.max(1, nb.manifest.actors.length)];
    if (a) a.name = name;
  }),
  describeActor: fc.tuple(fc.nat(3), fc.constantFrom('x', 'y')).map(([i, d]) => (nb) => {
    const a = nb.manifest.actors[i % Math.max(1, nb.manifest.actors.length)];
    if (a) a.description = d;
  }),
  addActor: fc.constantFrom(...NAMES).map((name) => (nb, side, n) => {
    nb.manifest.actors.push({ id: `act_${side}${n}`, name, kind: 'person', aliases: [], memberOf: [] });
  }),
  deleteActor: fc.nat(3).map((i) => (nb) => {
    nb.manifest.actors.splice(i % Math.max(1, nb.manifest.actors.length), 1);
  }),
  addStatus: fc.constantFrom('satire', 'needs call').map((s) => (nb) => {
    if (!nb.manifest.statuses.includes(s)) nb.manifest.statuses.push(s);
  }),
  removeStatus: fc.constantFrom('disputed', 'refuted').map((s) => (nb) => {
    nb.manifest.statuses = nb.manifest.statuses.filter((x) => x !== s);
  }),
  tagColor: fc.constantFrom('#111111', '#222222').map((c) => (nb) => {
    const t = nb.manifest.tags[0];
    if (t) t.color = c;
  }),
  editBrief: fc.tuple(fc.nat(3), fc.constantFrom('p', 'q')).map(([i, t]) => (nb) => {
    const content = nb.manifest.briefs![0]!.doc.content!;
    if (content.length) content[i % content.length] = para(t);
  }),
  insertBrief: fc.nat(3).map((i) => (nb, side, n) => {
    const content = nb.manifest.briefs![0]!.doc.content!;
    content.splice(i % (content.length + 1), 0, para(`${side}${n}`));
  }),
  annotate: fc.constantFrom(...QUOTES).map((q) => (nb, side, n) => {
    if (nb.source.source.text.includes(q))
      nb.source.annotations.push(annotation(`ann_${side}${n}`, nb.source.source.text, q));
  }),
  setStatus: fc
    .tuple(fc.nat(3), fc.constantFrom('corroborated', 'disputed'), fc.integer({ min: 10, max: 28 }))
    .map(([i, s, day]) => (nb) => {
      const a = nb.source.annotations[i % Math.max(1, nb.source.annotations.length)];
      if (a) {
        a.status = s;
        a.updatedAt = `2026-02-${day}T00:00:00.000Z`;
      }
    }),
  tagAnnotation: fc.nat(3).map((i) => (nb) => {
    const a = nb.source.annotations[i % Math.max(1, nb.source.annotations.length)];
    if (a && !a.tagIds.includes('tag_money')) a.tagIds.push('tag_money');
  }),
  deleteAnnotation: fc.nat(3).map((i) => (nb) => {
    nb.source.annotations.splice(i % Math.max(1, nb.source.annotations.length), 1);
  }),
  removeParagraph: fc.nat(2).map((i) => (nb) => {
    const paras = nb.source.source.text.split('\n\n');
    if (paras.length < 2) return;
    paras.splice(i % paras.length, 1);
    nb.source.source.text = paras.join('\n\n');
    nb.source.annotations = nb.source.annotations.filter((a) => nb.source.source.text.includes(a.target.exact));
    reanchor(nb.source);
  }),
};
const edits = fc.array(fc.oneof(...Object.values(ops)), { maxLength: 8 });

function apply(base: Notebook, seq: Op[], side: string): Notebook {
  const nb = clone(base);
  seq.forEach((op, n) => op(nb, side, n));
  return nb;
}

const SRC = 'sources/src_one.json';
function versions(base: Notebook, ours: Notebook, theirs: Notebook): NotebookVersions {
  return new Map([
    ['notebook.json', { base: json(base.manifest), ours: json(ours.manifest), theirs: json(theirs.manifest) }],
    [SRC, { base: json(base.source), ours: json(ours.source), theirs: json(theirs.source) }],
  ]);
}

/** The merged notebook with each conflict resolved by `pick`. */
function resolved(files: Map<string, string | undefined>, conflicts: Conflict[], pick: (c: Conflict) => unknown) {
  const value = new Map([...files].map(([f, t]) => [f, t === undefined ? undefined : (JSON.parse(t) as unknown)]));
  for (const c of conflicts) value.set(c.file, resolveInFile(value.get(c.file), c, pick(c)));
  delete (value.get('notebook.json') as { conflicts?: unknown }).conflicts;
  return value;
}

/** `v` with every list of records sorted by id. */
function byId(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(byId);
    const id = (x: unknown) => (typeof x === 'object' && x !== null && 'id' in x ? String(x.id) : undefined);
    return items.every((x) => id(x) !== undefined) ? items.sort((x, y) => (id(x)! < id(y)! ? -1 : 1)) : items;
  }
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, byId(x)]));
  return v;
}

/** Is `path` (into a file's JSON) covered by a conflict (at it or at a record or file holding it)? */
const covered = (conflicts: Conflict[], file: string, path: Conflict['path']) =>
  conflicts.some(
    (c) => c.file === file && c.path.length <= path.length && sameJson(c.path, path.slice(0, c.path.length)),
  );

describe('merging random concurrent edits', () => {
  it('converges whichever side merges, keeps every clean edit and records every clash', () => {
    const base: Notebook = { manifest: manifest(), source: sourceFile() };
    base.source.annotations.push(annotation('ann_budget', TEXT, 'budget of 40 million'));
    fc.assert(
      fc.property(edits, edits, (seqA, seqB) => {
        const a = apply(base, seqA, 'a');
        const b = apply(base, seqB, 'b');
        const ab = mergeNotebook(versions(base, a, b));
        const ba = mergeNotebook(versions(base, b, a));
        // Valid notebooks, and one conflict list (same ids, sides swapped).
        for (const r of [ab, ba]) {
          const m = NotebookManifest.parse(JSON.parse(r.files.get('notebook.json')!));
          SourceFile.parse(JSON.parse(r.files.get(SRC)!));
          expect((m.conflicts ?? []).map((c) => c.id)).toEqual(r.conflicts.map((c) => c.id).sort());
        }
        expect(ab.conflicts.map((c) => c.id).sort()).toEqual(ba.conflicts.map((c) => c.id).sort());
        for (const c of ab.conflicts) {
          const twin = ba.conflicts.find((x) => x.id === c.id)!;
          expect([twin.ours, twin.theirs]).toEqual([c.theirs, c.ours]);
        }
        // Resolved the same way (A's value), both merges are the same notebook.
        const fromAB = resolved(ab.files, ab.conflicts, (c) => c.ours);
        const fromBA = resolved(ba.files, ba.conflicts, (c) => c.theirs);
        // (A record a conflict brought back goes to the end of its list: order is compared only without conflicts.)
        const norm = ab.conflicts.length ? byId : <T>(v: T) => v;
        expect(norm(fromBA.get('notebook.json'))).toEqual(norm(fromAB.get('notebook.json')));
        expect(norm(fromBA.get(SRC))).toEqual(norm(fromAB.get(SRC)));
        // Every record field one side changed is in the merge, or a conflict covers it.
        const merged = JSON.parse(ab.files.get('notebook.json')!) as NotebookManifest;
        const mergedSrc = JSON.parse(ab.files.get(SRC)!) as SourceFile;
        const check = (file: string, list: string, pick: (nb: Notebook) => { id: string }[], got: { id: string }[]) => {
          const ids = new Set([...pick(base), ...pick(a), ...pick(b)].map((r) => r.id));
          for (const id of ids) {
            const [o, x, y] = [base, a, b].map(
              (nb) => pick(nb).find((r) => r.id === id) as Record<string, unknown> | undefined,
            );
            const m = got.find((r) => r.id === id) as Record<string, unknown> | undefined;
            const path = [list, { id }];
            if (covered(ab.conflicts, file, path)) continue;
            if (!x || !y) {
              // Deleted or added on one side, untouched on the other: that side's choice.
              const expected = sameJson(x, o) ? y : x;
              expect(m === undefined, `${list} ${id}`).toBe(expected === undefined);
              continue;
            }
            for (const field of new Set([...Object.keys(x), ...Object.keys(y)])) {
              if (field === 'target') continue; // re-anchored in the merged text
              if (field === 'updatedAt') {
                // The later change's time, never a conflict.
                expect(m?.[field]).toBe([x[field], y[field]].map(String).sort().pop());
                continue;
              }
              if (covered(ab.conflicts, file, [...path, field])) continue;
              const [ov, xv, yv] = [o?.[field], x[field], y[field]];
              if (!sameJson(xv, yv) && !sameJson(xv, ov) && !sameJson(yv, ov) && !Array.isArray(xv) && field !== 'doc')
                throw new Error(`both changed ${list} ${id} ${field} and no conflict says so`);
              if (sameJson(yv, ov) && !Array.isArray(xv)) expect(m?.[field], `${list} ${id} ${field}`).toEqual(xv);
              if (sameJson(xv, ov) && !Array.isArray(yv)) expect(m?.[field], `${list} ${id} ${field}`).toEqual(yv);
            }
          }
        };
        check('notebook.json', 'actors', (nb) => nb.manifest.actors, merged.actors);
        check(SRC, 'annotations', (nb) => nb.source.annotations, mergedSrc.annotations);
        // Statuses: every status a side added is there; every one a side removed is gone.
        for (const s of new Set([...a.manifest.statuses, ...b.manifest.statuses])) {
          const removed =
            base.manifest.statuses.includes(s) && !(a.manifest.statuses.includes(s) && b.manifest.statuses.includes(s));
          expect(merged.statuses.includes(s)).toBe(!removed);
        }
        // Annotations stand on their quotes in the merged text.
        for (const ann of mergedSrc.annotations)
          if (mergedSrc.source.text.includes(ann.target.exact))
            expect(mergedSrc.source.text.slice(ann.target.start, ann.target.end)).toBe(ann.target.exact);
      }),
      { numRuns: Number(process.env.DOSSIER_PROPERTY_RUNS ?? 150) },
    );
  });
});
