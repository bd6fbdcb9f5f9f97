/**
 * Sources as references, read by real consumers: pandoc `--citeproc` renders
 * a bibliography from the CSL-JSON and the BibTeX export, and the RIS export
 * goes through bibutils (ris2xml → xml2bib) into pandoc. Every source's
 * title, outlet and authors must come out — non-ASCII titles and outlets,
 * particles, sources without a date, author or outlet.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cslItem, cslNames } from '../../../main/services/briefs/csl-item';
import { exportBibtex, exportCslJson, exportRis } from '../../../main/services/interop/references';
import { tempDir } from '../../helpers/temp-dir';
import { fixtureNotebook, SOURCES, type FixtureNotebook } from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let nb: FixtureNotebook;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('dossier-refs-'));
  nb = await fixtureNotebook(dir);
}, 60_000);
afterAll(async () => {
  await nb?.session.close();
  await cleanup?.();
});

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const TOOLS = { pandoc: 'pandoc', ris2xml: 'bibutils', xml2bib: 'bibutils' } as const;
for (const [tool, pkg] of Object.entries(TOOLS))
  if (!has(tool)) console.warn(`Skipping the tests that need ${tool}: it is not installed (Debian package ${pkg}).`);

/** Folded for comparison: styles change a title's case, quote marks and line breaks. */
const fold = (t: string) =>
  t
    .normalize('NFC')
    .toLocaleLowerCase('und')
    .replace(/[“”‘’'"«»„]/gu, '"')
    .replace(/\s+/gu, ' ');

/** The bibliography pandoc renders (Chicago author-date, plain text) from one bibliography file. */
function pandocBibliography(file: string): string {
  const doc = path.join(dir, 'doc.md');
  execFileSync('sh', ['-c', `printf -- '---\\nnocite: "@*"\\n---\\n' > "${doc}"`]);
  return execFileSync('pandoc', [doc, '--citeproc', '--bibliography', file, '-t', 'plain', '--wrap=none'], {
    encoding: 'utf8',
  });
}

function expectEverySource(rendered: string, ourBibtex = false): void {
  const text = fold(rendered);
  const entries = rendered.split('\n').filter((l) => l.trim());
  expect(entries, rendered).toHaveLength(SOURCES.length);
  for (const s of SOURCES) {
    // citation-js writes a literal brace as \textbraceleft, which LaTeX prints and pandoc 2.17 drops.
    const title = ourBibtex ? s.meta.title!.replace(/[{}]/g, '') : s.meta.title!;
    expect(text, s.meta.title).toContain(fold(title));
    if (s.meta.outlet) expect(text).toContain(fold(s.meta.outlet));
    for (const name of s.names) expect(text).toContain(fold(name));
  }
}

describe('CSL items', () => {
  it('maps a source to a newspaper article with authors, dates, URL and language, and leaves out what it lacks', () => {
    const [sv, , de, en] = nb.sources;
    expect(cslItem(sv!)).toEqual({
      id: sv!.id,
      type: 'article-newspaper',
      title: SOURCES[0]!.meta.title,
      'title-short': 'Regeringen',
      'container-title': 'Dagens Nyheter',
      author: [{ given: 'Åsa', family: 'Öberg' }],
      issued: { 'date-parts': [[2024, 3, 5]] },
      URL: 'https://www.dn.se/sverige/vindkraft?utm=1&ref=2',
      language: 'sv',
      accessed: { 'date-parts': [sv!.importedAt.slice(0, 10).split('-').map(Number)] },
    });
    expect(cslItem(de!).author).toEqual([{ given: 'Ursula', 'non-dropping-particle': 'von der', family: 'Leyen' }]);
    expect(cslItem(de!)).not.toHaveProperty('issued');
    expect(cslItem(en!)).not.toHaveProperty('author');
    expect(cslItem({ ...en!, language: 'und' })).not.toHaveProperty('language');
  });

  it('reads bylines: joined names, comma lists, inverted names (with particles) and agencies', () => {
    expect(cslNames('Marie-Hélène Dupont et Charles de Gaulle')).toEqual([
      { given: 'Marie-Hélène', family: 'Dupont' },
      { given: 'Charles', 'non-dropping-particle': 'de', family: 'Gaulle' },
    ]);
    expect(cslNames('Anna Lindqvist, Per Lindgren; Eva Berg')).toHaveLength(3);
    expect(cslNames('Lindqvist, Anna')).toEqual([{ given: 'Anna', family: 'Lindqvist' }]);
    expect(cslNames('van der Berg, Jan')).toEqual([
      { given: 'Jan', 'non-dropping-particle': 'van der', family: 'Berg' },
    ]);
    expect(cslNames('Reuters')).toEqual([{ literal: 'Reuters' }]);
    expect(cslNames('  ')).toBeUndefined();
  });
});

describe.runIf(has('pandoc'))('pandoc --citeproc renders every exported source', () => {
  it('from CSL-JSON', async () => {
    const { bytes, items } = await exportCslJson(nb.ctx, {});
    expect(items).toBe(SOURCES.length);
    const file = path.join(dir, 'refs.json');
    await writeFile(file, bytes);
    const rendered = pandocBibliography(file);
    expectEverySource(rendered);
    // The date and the URL of a dated source, and "n.d." for the undated one.
    expect(rendered).toMatch(/Öberg, Åsa\. 2024\./u);
    expect(rendered).toContain('https://www.dn.se/sverige/vindkraft?utm=1&ref=2');
    expect(rendered).toMatch(/Leyen, Ursula von der\. n\.d\./u);
  });

  it('from BibTeX (keys are the source ids; LaTeX specials and non-ASCII escaped)', async () => {
    const { bytes, items } = await exportBibtex(nb.ctx, {});
    expect(items).toBe(SOURCES.length);
    const text = new TextDecoder().decode(bytes);
    for (const s of nb.sources) expect(text).toContain(`@article{${s.id},`);
    expect(text).toContain('50 \\%');
    const file = path.join(dir, 'refs.bib'); // the export's extension: pandoc reads it as BibLaTeX
    await writeFile(file, bytes);
    const rendered = pandocBibliography(file);
    expectEverySource(rendered, true);
    expect(rendered).toMatch(/Berg, Jan van der\. 2022\./u);
  });

  it.runIf(has('ris2xml') && has('xml2bib'))('from RIS, read by bibutils', async () => {
    const { bytes, items } = await exportRis(nb.ctx, {});
    expect(items).toBe(SOURCES.length);
    const text = new TextDecoder().decode(bytes);
    // One tag per line: a long title is never wrapped onto a second line.
    expect(text.split('\r\n').every((l) => l === '' || /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
    expect(text).toContain('DA  - 2024/03/05/');
    const ris = path.join(dir, 'refs.ris');
    await writeFile(ris, bytes);
    const bib = path.join(dir, 'from-ris.bib');
    execFileSync('sh', ['-c', `ris2xml -i utf8 "${ris}" 2>/dev/null | xml2bib -o utf8 > "${bib}" 2>/dev/null`]);
    expectEverySource(pandocBibliography(bib));
  });
});

describe('selected sources', () => {
  it('exports only the sources named, in the notebook’s order', async () => {
    const ids = [nb.sources[1]!.id, nb.sources[2]!.id];
    const { bytes, items } = await exportCslJson(nb.ctx, { sourceIds: ids });
    expect(items).toBe(2);
    expect((JSON.parse(new TextDecoder().decode(bytes)) as Array<{ id: string }>).map((i) => i.id)).toEqual(ids);
  });
});
