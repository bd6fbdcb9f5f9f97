/**
 * Briefs in any CSL style: the built-in Chicago notes (default) and APA
 * (author-date, in the text), a style the person adds to the notebook, a
 * style file given to the CLI — and style files that are not CSL, or hostile.
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/dossier';
import { BUILT_IN_STYLES, citationFormatter } from '../../../main/services/briefs/citation-style';
import { cslNames } from '../../../main/services/briefs/csl-item';
import { draftBriefFromActor, exportBrief } from '../../../main/services/briefs/index';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import type { SourceMeta } from '../../../shared/model';
import { tempDir } from '../../helpers/temp-dir';
import { fixtureBrief, fixtureContext, sources } from './fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const ctx = fixtureContext();
const brief = fixtureBrief(draftBriefFromActor(ctx, 'act_holmqvist'));
const md = async (xml?: string) =>
  new TextDecoder().decode(await exportBrief(brief, ctx, 'md', xml ? { xml, name: 'test style' } : undefined));

/** A small CSL style written for this test: numbered in-text citations "[n]" and a numbered list. */
const NUMERIC = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Test numeric</title><id>test-numeric</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="[" suffix="]" delimiter=","><text variable="citation-number"/></layout></citation>
  <bibliography><layout><text variable="citation-number" prefix="[" suffix="] "/><text variable="title" font-style="italic"/></layout></bibliography>
</style>`;

describe('Chicago notes, the default', () => {
  it('gives a source’s first note in full and its later notes in the short form', async () => {
    const out = await md();
    expect(out).toMatch(
      /^\[\^\d\]: Jörg Weiß, “Streit um Hafenausbau: Fischer fürchten Einbußen,” \*Ostsee-Rundschau\*, March 11, 2025, /m,
    );
    expect(out).toMatch(/^\[\^\d\]: Weiß, “Streit um Hafenausbau\.” Quoted: /m);
    // The Sources list is a Chicago bibliography: family name first, sorted by it.
    const sources = out
      .split('## Sources')[1]!
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(sources.map((l) => l.slice(2, 12))).toEqual(['Frost, Dan', 'Lindström,', 'Weiß, Jörg', '“Port auth']);
  });
});

describe('APA (author-date)', () => {
  it('cites in the text, with no footnotes, and lists the sources in APA form', async () => {
    const out = await md(BUILT_IN_STYLES.apa);
    expect(out).not.toContain('[^');
    expect(out).toContain('at least 1,200 permanent jobs in the region within five years” (Frost, 2025)');
    expect(out).toMatch(
      /^- Frost, D\. \(2025, March 4\)\. Minister defends Nordhamn dredging plan amid protests\. \*The Northern Ledger\*\./m,
    );
  });

  it('tells apart two sources by the same author in the same year (2025a, 2025b)', () => {
    const a: SourceMeta = { ...sources[0]!, id: 'src_a', title: 'First report' };
    const b: SourceMeta = { ...sources[0]!, id: 'src_b', title: 'Second report', publishedAt: '2025-05-01' };
    const apa = citationFormatter(BUILT_IN_STYLES.apa!, [a, b]);
    const text = (s: SourceMeta) =>
      apa
        .cite(s, 'first')
        .map((i) => (i.kind === 'text' ? i.text : ''))
        .join('');
    expect([text(a), text(b)]).toEqual(['(Frost, 2025a)', '(Frost, 2025b)']);
  });
});

describe('bylines as CSL names', () => {
  it('splits people, keeps particles and family-first names, and keeps a desk byline whole', () => {
    expect(cslNames('Anna Lindqvist och Per Holm')).toEqual([
      { given: 'Anna', family: 'Lindqvist' },
      { given: 'Per', family: 'Holm' },
    ]);
    expect(cslNames('Lindqvist, Anna')).toEqual([{ family: 'Lindqvist', given: 'Anna' }]);
    expect(cslNames('Ludwig van Beethoven')).toEqual([
      { given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' },
    ]);
    expect(cslNames('Staff reporter')).toEqual([{ literal: 'Staff reporter' }]);
    expect(cslNames('Reuters')).toEqual([{ literal: 'Reuters' }]);
    expect(cslNames('  ')).toBeUndefined();
  });
});

describe('a style file that is not CSL, or hostile', () => {
  it('is refused with a message naming the problem', () => {
    expect(() => citationFormatter('<html><body>no</body></html>', [], 'page.csl')).toThrow(
      'page.csl is not a CSL style',
    );
    expect(() => citationFormatter(`<!DOCTYPE style [<!ENTITY a "aaaa">]>${NUMERIC}`, [], 'bomb.csl')).toThrow(
      'bomb.csl declares a DOCTYPE or entities: refused.',
    );
    expect(() => citationFormatter(NUMERIC.replace('<citation>', '<citation><broken'), [], 'broken.csl')).toThrow(
      /broken\.csl could not be read as a CSL style/,
    );
  });
});

async function notebookWithBrief(): Promise<{ s: NotebookSession; dir: string; out: string; briefId: string }> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const dir = path.join(t.dir, 'nb.dossier');
  const s = await openNotebookSession(dir);
  cleanups.push(() => s.close());
  const text = 'Quota talks resume\n\nThe delegation from Norrvik said the new quotas would be signed before spring.';
  const { added } = await s.service.importFiles({
    files: [{ name: 'talks.txt', bytes: new TextEncoder().encode(text) }],
  });
  const claim = await s.service.addClaimByQuote({
    sourceId: added[0]!.id,
    quote: 'signed before spring',
    kind: 'claim',
    tags: [],
    actors: [],
    occurrence: 0,
  });
  const drafted = await s.service.draftBrief({ annotationIds: [claim.id], title: 'Quotas' });
  return { s, dir, out: t.dir, briefId: drafted.id };
}

describe('styles in the notebook', () => {
  it('adds a style, lists it, remembers it on a brief (undoably) and exports with it', async () => {
    const { s, dir, briefId } = await notebookWithBrief();
    const added = await s.service.addCitationStyle({ fileName: 'numeric.csl', xml: NUMERIC });
    expect(added).toEqual({ id: 'numeric.csl', title: 'Test numeric', kind: 'in-text', origin: 'notebook' });
    expect(await readFile(path.join(dir, 'styles', 'numeric.csl'), 'utf8')).toBe(NUMERIC);
    expect((await s.service.listCitationStyles({})).map((st) => st.id)).toEqual([
      'chicago-notes',
      'apa',
      'numeric.csl',
    ]);

    await s.service.updateBrief({ id: briefId, citationStyle: 'numeric.csl' });
    const md1 = new TextDecoder().decode((await s.service.exportBrief({ briefId, format: 'md' })).bytes);
    expect(md1).toContain('signed before spring” \\[1\\]');
    expect(md1).toContain('- \\[1\\] *Quota talks resume*');
    // One undo step puts the brief back on the default style.
    expect((await s.service.getHistory({})).undoLabel).toBe('Change citation style');
    await s.service.undo({});
    const md2 = new TextDecoder().decode((await s.service.exportBrief({ briefId, format: 'md' })).bytes);
    expect(md2).toContain('[^1]: “Quota talks resume.” Quoted: *“signed before spring”.*');
  });

  it('refuses an unknown style, a style that is not CSL, and a link in styles/', async () => {
    const { s, dir, briefId, out } = await notebookWithBrief();
    await expect(s.service.updateBrief({ id: briefId, citationStyle: 'mla.csl' })).rejects.toThrow(
      'No citation style "mla.csl": the notebook has chicago-notes, apa.',
    );
    await expect(s.service.addCitationStyle({ fileName: 'x.csl', xml: '<svg/>' })).rejects.toThrow(
      'x.csl is not a CSL style',
    );
    await writeFile(path.join(out, 'outside.csl'), NUMERIC);
    await mkdir(path.join(dir, 'styles'), { recursive: true });
    await symlink(path.join(out, 'outside.csl'), path.join(dir, 'styles', 'linked.csl'));
    await expect(s.service.exportBrief({ briefId, format: 'md', style: 'linked.csl' })).rejects.toThrow(/link/);
    expect((await s.service.listCitationStyles({})).map((st) => st.id)).toEqual(['chicago-notes', 'apa']);
  });
});

describe('dossier brief export --style', () => {
  it('takes a built-in style by name or a .csl file by path', async () => {
    const { s, dir, out, briefId } = await notebookWithBrief();
    await s.close();
    const run = async (...args: string[]) => {
      let text = '';
      const code = await main([...args, '--notebook', dir], {
        out: (t) => (text += t),
        err: (t) => (text += t),
        isTTY: false,
      });
      return { code, text };
    };
    const styleFile = path.join(out, 'numeric.csl');
    await writeFile(styleFile, NUMERIC);
    const target = path.join(out, 'brief.md');
    expect((await run('brief', 'export', briefId, '--format', 'md', '--out', target, '--style', styleFile)).code).toBe(
      0,
    );
    expect(await readFile(target, 'utf8')).toContain('signed before spring” \\[1\\]');
    expect((await run('brief', 'export', briefId, '--format', 'md', '--out', target, '--style', 'apa')).code).toBe(0);
    expect(await readFile(target, 'utf8')).toContain('signed before spring” (*Quota Talks Resume*, n.d.)');
  });
});

describe("a style's own locale", () => {
  it('words dates and terms in the language the style names, not always in American English', () => {
    const dated = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="fr-FR">
  <info><title>Test dated</title><id>test-dated</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><date variable="issued" form="text"/></layout></citation>
</style>`;
    const words = (xml: string) =>
      citationFormatter(xml, [sources[0]!])
        .cite(sources[0]!, 'first')
        .map((i) => (i.kind === 'text' ? i.text : ''))
        .join('');
    expect(words(dated)).toBe('4 mars 2025');
    expect(words(dated.replace(' default-locale="fr-FR"', ''))).toBe('March 4, 2025');
  });
});
