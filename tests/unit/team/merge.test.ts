import { describe, expect, it } from 'vitest';
import { BriefFile, NotebookManifest, SourceFile } from '../../../shared/model';
import { mergeOrder } from '../../../main/services/team/merge/json-merge';
import {
  MANIFEST_SHAPE,
  mergeConflictLists,
  mergeNotebook,
  mergeNotebookFile,
  SOURCE_SHAPE,
} from '../../../main/services/team/merge/notebook-merge';
import { setAtPath } from '../../../main/services/team/merge/resolve';
import { annotation, clone, json, manifest, sourceFile, TEXT } from './fixtures';

const mergeManifest = (b: unknown, o: unknown, t: unknown) => {
  const r = mergeNotebookFile(
    'notebook.json',
    { base: json(b), ours: json(o), theirs: json(t) },
    { oursBy: 'Me', theirsBy: 'You' },
  );
  return { value: NotebookManifest.parse(JSON.parse(r.text!)), conflicts: r.conflicts };
};

describe('record-level merge of notebook.json', () => {
  it('keeps additions of both sides and takes a field changed on one side', () => {
    const base = manifest();
    const ours = clone(base);
    const theirs = clone(base);
    ours.actors.push({ id: 'act_ours', name: 'Ours', kind: 'person', aliases: [], memberOf: [] });
    ours.actors[0]!.name = 'Anna Lindqvist';
    theirs.actors.push({ id: 'act_theirs', name: 'Theirs', kind: 'person', aliases: [], memberOf: [] });
    theirs.actors[1]!.description = 'The city';
    theirs.tags[0]!.color = '#00aa00';
    const { value, conflicts } = mergeManifest(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(value.actors.map((a) => a.id)).toEqual(['act_anna', 'act_city', 'act_ours', 'act_theirs']);
    expect(value.actors[0]!.name).toBe('Anna Lindqvist');
    expect(value.actors[1]!.description).toBe('The city');
    expect(value.tags[0]!.color).toBe('#00aa00');
  });

  it('records a conflict for one field changed differently on both sides and shows ours', () => {
    const base = manifest();
    const ours = clone(base);
    const theirs = clone(base);
    ours.actors[0]!.name = 'Anna L.';
    theirs.actors[0]!.name = 'A. Lind';
    const { value, conflicts } = mergeManifest(base, ours, theirs);
    expect(value.actors[0]!.name).toBe('Anna L.');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      file: 'notebook.json',
      path: ['actors', { id: 'act_anna' }, 'name'],
      label: 'notebook.json › actors › Anna L. › name',
      base: 'Anna Lind',
      ours: 'Anna L.',
      theirs: 'A. Lind',
      oursBy: 'Me',
      theirsBy: 'You',
    });
  });

  it('makes delete against edit a conflict, never a silent loss', () => {
    const base = manifest();
    const ours = clone(base);
    const theirs = clone(base);
    ours.actors = ours.actors.filter((a) => a.id !== 'act_city');
    theirs.actors[1]!.name = 'City Council of Malmö';
    const { value, conflicts } = mergeManifest(base, ours, theirs);
    expect(value.actors.map((a) => a.id)).toEqual(['act_anna']);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.path).toEqual(['actors', { id: 'act_city' }]);
    expect(conflicts[0]!.ours).toBeUndefined();
    expect((conflicts[0]!.theirs as { name: string }).name).toBe('City Council of Malmö');
    // Taking theirs brings the record back.
    const restored = setAtPath(MANIFEST_SHAPE, value, conflicts[0]!.path, conflicts[0]!.theirs) as NotebookManifest;
    expect(restored.actors.map((a) => a.name)).toEqual(['Anna Lind', 'City Council of Malmö']);
  });

  it('merges statuses as an ordered set: both additions, one removal', () => {
    const base = manifest();
    const ours = clone(base);
    const theirs = clone(base);
    ours.statuses = ['unverified', 'needs call', 'corroborated', 'disputed', 'refuted'];
    theirs.statuses = ['unverified', 'corroborated', 'refuted', 'satire'];
    expect(mergeManifest(base, ours, theirs).value.statuses).toEqual([
      'unverified',
      'needs call',
      'corroborated',
      'refuted',
      'satire',
    ]);
  });

  it('merges a brief file (briefs/<id>.json) by top-level block, and conflicts on its body when the same block changed', () => {
    const para = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
    const base = { schemaVersion: 1, brief: clone(manifest().briefs![0]!) };
    const ours = clone(base);
    const theirs = clone(base);
    ours.brief.doc.content![0] = para('First, edited here.');
    ours.brief.updatedAt = '2026-03-02T10:00:00.000Z';
    theirs.brief.doc.content!.push(para('Fourth, added there.'));
    theirs.brief.title = 'Renamed there';
    theirs.brief.updatedAt = '2026-03-03T10:00:00.000Z';
    const file = 'briefs/brf_one.json';
    const merge = () => mergeNotebookFile(file, { base: json(base), ours: json(ours), theirs: json(theirs) });
    const clean = merge();
    expect(clean.conflicts).toEqual([]);
    const merged = BriefFile.parse(JSON.parse(clean.text!));
    expect(merged.brief.doc.content).toEqual([
      para('First, edited here.'),
      para('Second.'),
      para('Third.'),
      para('Fourth, added there.'),
    ]);
    expect(merged.brief.title).toBe('Renamed there');
    expect(merged.brief.updatedAt).toBe('2026-03-03T10:00:00.000Z');
    theirs.brief.doc.content![0] = para('First, edited there.');
    const clash = merge();
    expect(clash.conflicts.map((c) => [c.file, c.path])).toEqual([[file, ['brief', 'doc']]]);
    expect(BriefFile.parse(JSON.parse(clash.text!)).brief.doc).toEqual(ours.brief.doc);
  });

  it('merges a brief moved out of the manifest on one side or both as one file, the manifest’s copy its base', () => {
    const para = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
    const legacy = manifest();
    const { briefs, ...moved } = clone(legacy);
    const x0 = briefs![0]!;
    const file = 'briefs/brf_one.json';
    const asFile = (brief: unknown) => json({ schemaVersion: 1, brief });
    // Both moved it out; ours renamed it, theirs added a paragraph: no conflict, both kept.
    const renamed = { ...clone(x0), title: 'The bridge, revised' };
    const added = clone(x0);
    added.doc.content!.push(para('Fourth.'));
    const both = mergeNotebook(
      new Map([
        ['notebook.json', { base: json(legacy), ours: json(moved), theirs: json(moved) }],
        [file, { ours: asFile(renamed), theirs: asFile(added) }],
      ]),
    );
    expect(both.conflicts).toEqual([]);
    const merged = BriefFile.parse(JSON.parse(both.files.get(file)!)).brief;
    expect(merged.title).toBe('The bridge, revised');
    expect(merged.doc.content).toHaveLength(4);
    expect(JSON.parse(both.files.get('notebook.json')!)).not.toHaveProperty('briefs');

    // Ours (an older build) still holds it in the manifest and edited its first paragraph; theirs
    // moved it out and edited the same paragraph: one conflict on its body, and nobody's text lost.
    const oursOld = clone(legacy);
    oursOld.briefs![0]!.doc.content![0] = para('First, by the older build.');
    const theirsNew = clone(x0);
    theirsNew.doc.content![0] = para('First, by the newer build.');
    const mixed = mergeNotebook(
      new Map([
        ['notebook.json', { base: json(legacy), ours: json(oursOld), theirs: json(moved) }],
        [file, { theirs: asFile(theirsNew) }],
      ]),
    );
    expect(mixed.conflicts.map((c) => [c.file, c.path])).toEqual([[file, ['brief', 'doc']]]);
    expect(JSON.stringify(mixed.conflicts[0]!.theirs)).toContain('First, by the newer build.');
    expect(JSON.stringify(BriefFile.parse(JSON.parse(mixed.files.get(file)!)).brief)).toContain('by the older build');
    expect(JSON.parse(mixed.files.get('notebook.json')!)).not.toHaveProperty('briefs');
  });

  it('merges a brief in a manifest written before briefs had files by top-level block, and conflicts on its body when the same block changed', () => {
    const base = manifest();
    const para = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
    const ours = clone(base);
    const theirs = clone(base);
    ours.briefs![0]!.doc.content![0] = para('First, edited here.');
    theirs.briefs![0]!.doc.content!.push(para('Fourth, added there.'));
    const clean = mergeManifest(base, ours, theirs);
    expect(clean.conflicts).toEqual([]);
    expect(clean.value.briefs![0]!.doc.content).toEqual([
      para('First, edited here.'),
      para('Second.'),
      para('Third.'),
      para('Fourth, added there.'),
    ]);
    theirs.briefs![0]!.doc.content![0] = para('First, edited there.');
    const clash = mergeManifest(base, ours, theirs);
    expect(clash.conflicts.map((c) => c.path)).toEqual([['briefs', { id: 'brf_one' }, 'doc']]);
    expect(clash.value.briefs![0]!.doc).toEqual(ours.briefs![0]!.doc);
  });

  it('keeps concurrent insertions at one place in the same order whichever side merges', () => {
    const base = ['a', 'b', 'c'];
    const x = ['a', 'x1', 'x2', 'b', 'c'];
    const y = ['a', 'y1', 'b', 'c'];
    const all = () => true;
    expect(mergeOrder(base, x, y, all)).toEqual(mergeOrder(base, y, x, all));
    expect(mergeOrder(base, x, y, all)).toEqual(['a', 'x1', 'x2', 'y1', 'b', 'c']);
  });
});

describe('record-level merge of a source file', () => {
  it('merges annotations by id and field and re-anchors them in a text changed on the other side', () => {
    const base = sourceFile();
    const ours = clone(base);
    const theirs = clone(base);
    // Ours adds a claim in the third paragraph; theirs removes the first paragraph from the text.
    ours.annotations.push(annotation('ann_delay', TEXT, 'declined to comment'));
    ours.annotations[0]!.status = 'disputed';
    theirs.source.text = TEXT.split('\n\n').slice(1).join('\n\n');
    theirs.annotations = [];
    const r = mergeNotebookFile('sources/src_one.json', { base: json(base), ours: json(ours), theirs: json(theirs) });
    const merged = SourceFile.parse(JSON.parse(r.text!));
    expect(merged.source.text).toBe(theirs.source.text);
    // ann_bridge: deleted there, status changed here → a conflict, ours (kept) shown.
    expect(r.conflicts.map((c) => c.path)).toEqual([['annotations', { id: 'ann_bridge' }]]);
    const delay = merged.annotations.find((a) => a.id === 'ann_delay')!;
    expect(merged.source.text.slice(delay.target.start, delay.target.end)).toBe('declined to comment');
    expect(delay.target.start).toBeLessThan(TEXT.indexOf('declined to comment'));
  });

  it('never merges a text character by character: both changed it → a conflict on the text', () => {
    const base = sourceFile();
    const ours = clone(base);
    const theirs = clone(base);
    ours.source.text = `${TEXT}\n\nAn added paragraph here.`;
    theirs.source.text = `Another start.\n\n${TEXT}`;
    const r = mergeNotebookFile('sources/src_one.json', { base: json(base), ours: json(ours), theirs: json(theirs) });
    expect(r.conflicts.map((c) => c.path)).toEqual([['source', 'text']]);
    expect(SourceFile.parse(JSON.parse(r.text!)).source.text).toBe(ours.source.text);
    // Taking theirs re-anchors nothing by itself, but the value is there whole.
    const taken = setAtPath(
      SOURCE_SHAPE,
      JSON.parse(r.text!),
      ['source', 'text'],
      r.conflicts[0]!.theirs,
    ) as SourceFile;
    expect(taken.source.text).toBe(theirs.source.text);
  });

  it('a source file deleted on one side and annotated on the other stays, listed, with a conflict on the file', () => {
    const m = manifest();
    const mOurs = clone(m);
    mOurs.sources = [];
    const src = sourceFile();
    const srcTheirs = clone(src);
    srcTheirs.annotations[0]!.status = 'corroborated';
    const versions = new Map([
      ['notebook.json', { base: json(m), ours: json(mOurs), theirs: json(m) }],
      ['sources/src_one.json', { base: json(src), theirs: json(srcTheirs) }],
    ]);
    const r = mergeNotebook(versions);
    // Shown as ours: the file is gone, and so is its listing; the conflict keeps theirs whole.
    expect(r.files.get('sources/src_one.json')).toBeUndefined();
    expect(NotebookManifest.parse(JSON.parse(r.files.get('notebook.json')!)).sources).toEqual([]);
    expect(r.conflicts.map((c) => [c.file, c.path])).toEqual([['sources/src_one.json', []]]);
    const reversed = mergeNotebook(
      new Map([
        ['notebook.json', { base: json(m), ours: json(m), theirs: json(mOurs) }],
        ['sources/src_one.json', { base: json(src), ours: json(srcTheirs) }],
      ]),
    );
    // The other way round the file stays, and the manifest lists it again.
    expect(reversed.files.get('sources/src_one.json')).toBeDefined();
    expect(NotebookManifest.parse(JSON.parse(reversed.files.get('notebook.json')!)).sources.map((s) => s.id)).toEqual([
      'src_one',
    ]);
    // Both ways the manifest records the one conflict, under one id.
    const recorded = (x: typeof r) => NotebookManifest.parse(JSON.parse(x.files.get('notebook.json')!)).conflicts;
    expect(recorded(reversed)!.map((c) => c.id)).toEqual(r.conflicts.map((c) => c.id));
    expect(recorded(r)!.map((c) => c.id)).toEqual(r.conflicts.map((c) => c.id));
  });
});

describe("the manifest's conflicts", () => {
  const c = (id: string, ours: string) => ({ id, file: 'notebook.json', path: ['title'], label: 'title', ours });
  it('merge by conflict id: resolved on one side goes, new ones of both sides stay', () => {
    const merged = mergeConflictLists([c('cf_a', '1')], [c('cf_b', '2')], [c('cf_a', '1'), c('cf_c', '3')], []);
    expect(merged.map((x) => x.id)).toEqual(['cf_b', 'cf_c']);
  });
  it('keep ours when both sides hold one conflict differently, and gain what this merge found', () => {
    const merged = mergeConflictLists([], [c('cf_a', 'mine')], [c('cf_a', 'yours')], [c('cf_z', 'new')]);
    expect(merged.map((x) => [x.id, x.ours])).toEqual([
      ['cf_a', 'mine'],
      ['cf_z', 'new'],
    ]);
  });
  it('travel in notebook.json: a merge keeps those of both sides and adds its own', () => {
    const base = manifest();
    const ours = { ...clone(base), conflicts: [c('cf_mine', 'x')] };
    const theirs = { ...clone(base), conflicts: [c('cf_yours', 'y')] };
    ours.title = 'Ours';
    theirs.title = 'Theirs';
    const { value, conflicts } = mergeManifest(base, ours, theirs);
    expect(value.title).toBe('Ours');
    expect(value.conflicts!.map((x) => x.id).sort()).toEqual(['cf_mine', 'cf_yours', conflicts[0]!.id].sort());
  });
});
