/**
 * Every closed list of values is spelled out once, in shared/enums.ts. This
 * fails when a copy of one of the lists below shows up anywhere else in the
 * tracked code (main/, renderer/, shared/, bin/, scripts/): two or more of a
 * list's values side by side as an array or a union of string literals
 * (`'supports' | 'opposes'`, `['docx', 'pdf']`), or as a list inside a string
 * (`--format docx|pdf`, `use docx, pdf or md`, `(.txt .md)`, `.txt,.md`).
 * Comments are not checked; lists inside strings only for the sets that help
 * text and messages list (prose such as "corroborates or contradicts" is fine). The value sets are written out here on purpose:
 * the first test keeps them equal to shared/enums.ts, so a value added there
 * has to be added here too.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as enums from '../../../shared/enums';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface ValueSet {
  name: string;
  values: readonly string[];
  /** Its values in shared/enums.ts. */
  defined: readonly string[];
  /** Listed in help text and messages: also caught inside strings ("docx|pdf", "docx, pdf or md"). */
  inText?: boolean;
  /** File extensions: also caught as a dotted list (".txt .md", ".txt,.md"). */
  dotted?: boolean;
  /** Values whose lists are not checked, with the reason. */
  unchecked?: { values: string[]; why: string };
}

const SETS: ValueSet[] = [
  { name: 'origin kinds', values: ['file', 'paste', 'url', 'generated'], defined: enums.ORIGIN_KINDS },
  { name: 'index origins', values: ['cache', 'build', 'none'], defined: enums.INDEX_ORIGINS },
  { name: 'annotation kinds', values: ['claim', 'highlight', 'note'], defined: enums.ANNOTATION_KINDS, inText: true },
  { name: 'relation types', values: ['corroborates', 'contradicts', 'elaborates'], defined: enums.RELATION_TYPES },
  {
    name: 'actor kinds',
    values: ['person', 'organisation', 'state', 'igo', 'group', 'other'],
    defined: enums.ACTOR_KINDS,
  },
  { name: 'actor roles', values: ['speaker', 'subject', 'mentioned'], defined: enums.ACTOR_ROLES, inText: true },
  { name: 'stances', values: ['supports', 'opposes', 'neutral', 'none'], defined: enums.STANCE_FILTERS },
  {
    name: 'import extensions',
    values: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf', 'docx'],
    defined: enums.IMPORT_EXTENSIONS,
    inText: true,
    dotted: true,
  },
  { name: 'brief formats', values: ['docx', 'pdf', 'md', 'html'], defined: enums.BRIEF_FORMATS, inText: true },
  {
    name: 'menu commands',
    values: [
      'undo',
      'redo',
      'search',
      'shortcuts',
      'import',
      'history',
      'next-pane',
      'previous-pane',
      'settings',
      'timeline',
      'share-notebook',
      'open-shared-notebook',
      ...enums.BRIEF_FORMATS.map((f) => `export-brief:${f}`),
    ],
    defined: enums.MENU_COMMANDS,
    unchecked: { values: ['undo', 'redo'], why: 'also the names of two API methods, listed with the other methods' },
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pairs of distinct values of `set` that stand side by side in `code` as a list. */
export function listsIn(code: string, set: Pick<ValueSet, 'values' | 'inText' | 'dotted' | 'unchecked'>): string[] {
  const checked = set.values.filter((value) => !set.unchecked?.values.includes(value));
  const v = `(${checked.map(escape).join('|')})`;
  // 'a', 'b'  |  'a' | 'b'  (arrays, unions, z.enum, includes-lists), across lines
  const literals = new RegExp(`(['"\`])${v}\\1\\s*[,|]\\s*(['"\`])${v}\\3`, 'g');
  // a|b  |  a, b  |  a or b  inside a string (help text, messages, regular expressions)
  const inText = new RegExp(`(?<![\\w.:-])${v}(?:\\||, | or )${v}(?![\\w-])`, 'g');
  // .a .b  |  .a, .b  |  .a,.b  |  .a or .b  anywhere (strings, JSX text)
  const dotted = new RegExp(`(?<![\\w/])\\.${v},? ?(?:or )?\\.${v}(?![\\w-])`, 'g');
  const strings = [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)]
    .map((m) => m[0])
    .join('\n');
  const searches: Array<[RegExp, string]> = [[literals, code]];
  if (set.inText) searches.push([inText, strings]);
  if (set.dotted) searches.push([dotted, code]);
  const found: string[] = [];
  for (const [re, text] of searches) {
    for (const m of text.matchAll(re)) {
      const values = m.slice(1).filter((g) => g !== undefined && set.values.includes(g));
      if (new Set(values).size >= 2) found.push(m[0]);
    }
  }
  return found;
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const CHECKED = /^(main|renderer|shared|bin|scripts)\/.*\.(ts|tsx|mts|mjs|js)$/;
const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => CHECKED.test(f) && f !== 'shared/enums.ts');

describe('shared/enums.ts is the only list of each set of values', () => {
  it('knows the same values as shared/enums.ts', () => {
    for (const set of SETS) expect([...set.defined].sort(), set.name).toEqual([...set.values].sort());
  });

  it('finds a copied list (so the check below can fail)', () => {
    const stances = SETS.find((s) => s.name === 'stances')!;
    const formats = SETS.find((s) => s.name === 'brief formats')!;
    const extensions = SETS.find((s) => s.name === 'import extensions')!;
    expect(listsIn(`type S = 'supports' | 'opposes';`, stances)).toHaveLength(1);
    expect(listsIn(`const S = [\n  'supports',\n  'neutral',\n];`, stances)).toHaveLength(1);
    expect(listsIn(`usage: 'brief export --format docx|pdf|md'`, formats).length).toBeGreaterThan(0);
    expect(listsIn(`const { docx, pdf } = parts;`, formats)).toEqual([]);
    expect(listsIn('throw new Error(`use docx, pdf, md or html`)', formats).length).toBeGreaterThan(0);
    expect(listsIn(`accept = '.txt,.md,.html'`, extensions).length).toBeGreaterThan(0);
    expect(listsIn(`'import articles (.txt .md .html)'`, extensions).length).toBeGreaterThan(0);
    // One value, a Record's keys, file names and comparisons are not lists.
    expect(listsIn(`if (kind === 'supports') x = { supports: 'Supports', opposes: 'Opposes' };`, stances)).toEqual([]);
    expect(listsIn(`load('index.html'); read('README.md'); a === 'pdf' ? 'docx' : 'md'`, extensions)).toEqual([]);
  });

  it('no list of known values is spelled out outside shared/enums.ts', () => {
    expect(files.length).toBeGreaterThan(100);
    const copies: string[] = [];
    for (const file of files) {
      const code = withoutComments(readFileSync(path.join(root, file), 'utf8'));
      for (const set of SETS)
        for (const hit of listsIn(code, set)) copies.push(`${file}: ${set.name}: ${hit.replace(/\s+/g, ' ')}`);
    }
    expect(copies, 'import the list from shared/enums.ts instead').toEqual([]);
  });
});
