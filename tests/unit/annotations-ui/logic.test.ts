/**
 * The annotation UI's pure logic: highlight names and generated colour rules,
 * overlap stretches, history keys, tag suggestions and the codebook tree,
 * anchoring a source's annotations into reading order and orphans.
 */
import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../../shared/anchoring';
import { createTranslator } from '../../../shared/i18n';
import type { Annotation, Tag } from '../../../shared/model';
import {
  anchorAll,
  excerpt,
  isEmptyDoc,
  matchesFilters,
  tagPickerOptions,
  tagTree,
  usageText,
} from '../../../renderer/src/annotations/logic';
import {
  highlightKey,
  highlightRules,
  safeColour,
  statusColour,
  statusKey,
  tagKey,
} from '../../../renderer/src/annotations/highlight-css';
import { overlapStretches } from '../../../renderer/src/annotations/highlights';
import { historyKey } from '../../../renderer/src/annotations/keys';
import { suggestTags } from '../../../renderer/src/annotations/logic';

const TEXT = [
  'Färjan till Brask får grönt ljus',
  'Hamnfullmäktige i Vellmar röstade på tisdagskvällen 7–4 för en försöksperiod med nattfärja.',
  '”Vi har väntat på det här i åratal”, sade ledamoten Ingrid Halvorsen.',
  'Ekonomikontoret varnade för att kostnaden kan bli dubbelt så hög.',
].join('\n\n');

function annotation(id: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    sourceId: 'src_1',
    kind: 'claim',
    target: describeTarget(TEXT, start, end),
    tagIds: [],
    status: 'unverified',
    actors: [],
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...extra,
  };
}

const tags: Tag[] = [
  { id: 'tag_cost', name: 'Kostnad', color: '#d08a2b' },
  { id: 'tag_fuel', name: 'Bränsle', color: '#3f9b5b', parentId: 'tag_cost' },
  { id: 'tag_quote', name: 'Citat', color: 'red; } body { display:none' },
  { id: 'tag_crew', name: 'Besättning', color: '#5b8fd0', parentId: 'tag_cost' },
];

describe('highlight names and colours', () => {
  it('paints by the first known tag, by kind when untagged, or by status', () => {
    const known = new Set(tags.map((t) => t.id));
    expect(
      highlightKey({ kind: 'claim', tagIds: ['tag_gone', 'tag_fuel', 'tag_cost'], status: 'disputed' }, 'tag', known),
    ).toBe(tagKey('tag_fuel'));
    expect(highlightKey({ kind: 'note', tagIds: [], status: 'disputed' }, 'tag', known)).toBe('dossier-kind-note');
    expect(highlightKey({ kind: 'claim', tagIds: ['tag_fuel'], status: 'disputed' }, 'status', known)).toBe(
      statusKey('disputed'),
    );
  });

  it('makes CSS identifiers of any status name', () => {
    expect(statusKey('ej bekräftad')).toMatch(/^dossier-status-[A-Za-z0-9_-]+$/);
    expect(statusKey('ej bekräftad')).not.toBe(statusKey('ej_bekräftad'));
  });

  it('generates one rule per tag and status, and never lets a stored colour inject CSS', () => {
    const css = highlightRules(tags, ['unverified', 'corroborated', 'ifrågasatt']);
    expect(css).toContain(
      `::highlight(${tagKey('tag_cost')}) { background-color: color-mix(in srgb, #d08a2b 38%, transparent); }`,
    );
    expect(css).toContain(`::highlight(${statusKey('ifrågasatt')})`);
    expect(css).not.toContain('display:none');
    expect(css.split('\n')).toHaveLength(3 + 3 + tags.length);
    expect(safeColour('rgb(10, 20, 30)', '#000')).toBe('rgb(10, 20, 30)');
    expect(safeColour('url(x)', '#000')).toBe('#000');
  });

  it('gives custom statuses distinct colours', () => {
    const list = ['unverified', 'ny', 'gammal'];
    expect(statusColour('ny', list)).not.toBe(statusColour('gammal', list));
    expect(statusColour('unverified', list)).toBe('#c9a227');
  });
});

describe('overlapStretches', () => {
  it('returns the stretches covered by two or more ranges', () => {
    expect(
      overlapStretches([
        { start: 0, end: 10 },
        { start: 5, end: 20 },
        { start: 8, end: 12 },
      ]),
    ).toEqual([{ start: 5, end: 12 }]);
    expect(
      overlapStretches([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
      ]),
    ).toEqual([]);
    expect(
      overlapStretches([
        { start: 0, end: 4 },
        { start: 2, end: 6 },
        { start: 10, end: 14 },
        { start: 12, end: 20 },
      ]),
    ).toEqual([
      { start: 2, end: 4 },
      { start: 12, end: 14 },
    ]);
  });
});

describe('historyKey', () => {
  const k = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
    historyKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  it('maps Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y', () => {
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(k('y', { ctrlKey: true })).toBe('redo');
    expect(k('z')).toBeNull();
    expect(k('z', { ctrlKey: true, altKey: true })).toBeNull();
  });
});

describe('codebook', () => {
  it('orders tags parent-first with depth and path', () => {
    const tree = tagTree(tags);
    expect(tree.map((e) => [e.tag.name, e.depth])).toEqual([
      ['Citat', 0],
      ['Kostnad', 0],
      ['Besättning', 1],
      ['Bränsle', 1],
    ]);
    expect(tree.find((e) => e.tag.id === 'tag_fuel')!.path).toBe('Kostnad › Bränsle');
  });

  it('keeps tags whose parents form a cycle', () => {
    const cyclic: Tag[] = [
      { id: 'a', name: 'A', color: '#111', parentId: 'b' },
      { id: 'b', name: 'B', color: '#222', parentId: 'a' },
    ];
    expect(
      tagTree(cyclic)
        .map((e) => e.tag.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('suggests by name prefix before substring and path, leaving out applied tags', () => {
    const tree = tagTree(tags);
    expect(suggestTags(tree, 'b', new Set()).map((e) => e.tag.name)).toEqual(['Besättning', 'Bränsle']);
    expect(suggestTags(tree, 'sätt', new Set()).map((e) => e.tag.name)).toEqual(['Besättning']);
    expect(suggestTags(tree, 'kostnad', new Set(['tag_cost'])).map((e) => e.tag.name)).toEqual([
      'Besättning',
      'Bränsle',
    ]);
    expect(suggestTags(tree, 'zzz', new Set())).toEqual([]);
  });
});

describe('tagPickerOptions: what Enter applies', () => {
  const codebook: Tag[] = [
    { id: 'tag_non', name: 'Non-signatories', color: '#111' },
    { id: 'tag_sig2', name: 'Signatories 2023', color: '#222' },
    { id: 'tag_cost', name: 'Kostnad', color: '#333' },
    { id: 'tag_fuel', name: 'Bränsle', color: '#444', parentId: 'tag_cost' },
  ];
  const tree = tagTree(codebook);
  /** Each option as a person reads it; the first is what Enter applies. */
  const options = (query: string, applied: string[] = []) =>
    tagPickerOptions(tree, query, new Set(applied)).options.map((o) =>
      o.kind === 'create' ? `create:${o.name}` : o.entry.path,
    );

  it('puts the exact name first, whatever its case, and offers no "Create" then', () => {
    expect(options('non-SIGNATORIES')).toEqual(['Non-signatories']);
    expect(options('  kostnad ')[0]).toBe('Kostnad');
    expect(options('kostnad')).not.toContain('create:kostnad');
  });

  it('puts a name that starts with the typed text before "Create"', () => {
    expect(options('Sig')).toEqual(['Signatories 2023', 'create:Sig', 'Non-signatories']);
  });

  it('never puts a longer name that merely contains the typed text first: "Create" comes before it', () => {
    const typed = options('Signatories');
    expect(typed[0]).not.toBe('Non-signatories');
    expect(typed).toEqual(['Signatories 2023', 'create:Signatories', 'Non-signatories']);
    expect(options('signatories 20')[0]).toBe('Signatories 2023');
    expect(options('natories')).toEqual(['create:natories', 'Non-signatories', 'Signatories 2023']);
    // A path match (the parent's name) is offered, but after "Create".
    expect(options('kostn')).toEqual(['Kostnad', 'create:kostn', 'Kostnad › Bränsle']);
  });

  it('offers only "Create" when nothing matches, and nothing for an empty field', () => {
    expect(options('Treaty')).toEqual(['create:Treaty']);
    expect(options('   ')).toEqual(['Kostnad', 'Kostnad › Bränsle', 'Non-signatories', 'Signatories 2023']);
  });

  it('says when the exact name is already applied, so Enter only clears the field', () => {
    const result = tagPickerOptions(tree, 'Kostnad', new Set(['tag_cost']));
    expect(result.exactApplied).toBe(true);
    expect(result.options.map((o) => (o.kind === 'create' ? 'create' : o.entry.path))).toEqual(['Kostnad › Bränsle']);
    expect(tagPickerOptions(tree, 'Kostnad', new Set()).exactApplied).toBe(false);
  });
});

describe('anchorAll', () => {
  it('lists annotations in reading order and keeps the ones that no longer anchor as orphans', () => {
    const late = annotation(
      'ann_late',
      TEXT.indexOf('Ekonomikontoret'),
      TEXT.indexOf('Ekonomikontoret') + 'Ekonomikontoret varnade'.length,
    );
    const early = annotation(
      'ann_early',
      TEXT.indexOf('Hamnfullmäktige'),
      TEXT.indexOf('tisdagskvällen') + 'tisdagskvällen'.length,
    );
    const gone = {
      ...annotation('ann_gone', 0, 5),
      target: { start: 3, end: 40, exact: 'Ett stycke som aldrig fanns i texten alls.', prefix: 'x', suffix: 'y' },
    };
    const { anchored, orphans } = anchorAll(TEXT, [late, gone, early]);
    expect(anchored.map((a) => a.annotation.id)).toEqual(['ann_early', 'ann_late']);
    expect(TEXT.slice(anchored[0]!.start, anchored[0]!.end)).toBe(early.target.exact);
    expect(orphans.map((o) => o.annotation.id)).toEqual(['ann_gone']);
    expect(orphans[0]!.reason.key).toBe('orphanReason.not-found');
  });

  it('a claim across a paragraph break anchors as one range', () => {
    const start = TEXT.indexOf('Ingrid Halvorsen');
    const end = TEXT.indexOf('varnade') + 'varnade'.length;
    const { anchored } = anchorAll(TEXT, [annotation('ann_x', start, end)]);
    expect(anchored).toHaveLength(1);
    expect(TEXT.slice(anchored[0]!.start, anchored[0]!.end)).toContain('\n\n');
  });
});

describe('list helpers', () => {
  it('shortens long quotes around an ellipsis and keeps short ones whole', () => {
    expect(excerpt('  Ekonomikontoret   varnade  ')).toBe('Ekonomikontoret varnade');
    const long =
      'Hamnfullmäktige i Vellmar röstade på tisdagskvällen 7–4 för en försöksperiod med nattfärja mellan gamla piren och ön Brask.';
    const short = excerpt(long, 60);
    expect(short.length).toBeLessThanOrEqual(62);
    expect(short.startsWith('Hamnfullmäktige')).toBe(true);
    expect(short.endsWith('ön Brask.')).toBe(true);
    expect(short).toContain(' … ');
  });

  it('filters by kind, tag and status together', () => {
    const a = { kind: 'claim' as const, tagIds: ['tag_cost'], status: 'disputed' };
    expect(matchesFilters(a, { kind: '', tag: '', status: '' })).toBe(true);
    expect(matchesFilters(a, { kind: 'claim', tag: 'tag_cost', status: 'disputed' })).toBe(true);
    expect(matchesFilters(a, { kind: 'note', tag: '', status: '' })).toBe(false);
    expect(matchesFilters(a, { kind: '', tag: 'tag_fuel', status: '' })).toBe(false);
    expect(matchesFilters(a, { kind: '', tag: '', status: 'refuted' })).toBe(false);
  });

  it('treats a note without text as no note', () => {
    expect(isEmptyDoc(undefined)).toBe(true);
    expect(isEmptyDoc({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(true);
    expect(isEmptyDoc({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '  ' }] }] })).toBe(
      true,
    );
    expect(
      isEmptyDoc({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kolla siffran' }] }] }),
    ).toBe(false);
    expect(isEmptyDoc({ type: 'doc', content: [{ type: 'horizontalRule' }] })).toBe(false);
  });

  it('says what a merge or delete touches, in English and Swedish', () => {
    const en = createTranslator('en').getFixedT('en', 'annotations');
    expect(usageText(en, { annotations: 12, sources: 5 })).toBe('12 annotations in 5 sources');
    expect(usageText(en, { annotations: 1, sources: 1 })).toBe('1 annotation in 1 source');
    expect(usageText(en, { annotations: 0, sources: 0 })).toBe('no annotations');
    const sv = createTranslator('sv').getFixedT('sv', 'annotations');
    expect(usageText(sv, { annotations: 12, sources: 5 })).toBe('12 annoteringar i 5 källor');
    expect(usageText(sv, { annotations: 1, sources: 1 })).toBe('1 annotering i 1 källa');
    expect(usageText(sv, { annotations: 0, sources: 0 })).toBe('inga annoteringar');
  });
});
