/**
 * A brief's language: the fixed words and dates Dossier writes into a brief —
 * a draft's headings and sentences, the live facts, every exporter's headings,
 * page numbers and note lead, and the citation style's terms (citeproc with
 * the sv-SE CSL locale) — follow the brief's language, not the interface's.
 * Each format is read back from the file it makes; an English brief (one
 * without a language, as every brief before the field) stays English.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBriefContext } from '../../../shared/brief-doc';
import { factRuns } from '../../../shared/brief-facts';
import type { Brief } from '../../../shared/model';
import { draftBriefFromActor, draftBriefFromTag, exportBrief } from '../../../main/services/briefs/index';
import { citationFormatter } from '../../../main/services/briefs/citation-style';
import { BUILT_IN_STYLES } from '../../../main/services/briefs/style-catalog';
import { interfaceLanguage } from '../../../main/services/settings/interface-language';
import { annotations, fixtureBrief, fixtureContext, flat, sources } from './fixtures';

const ctx = fixtureContext();
const english: Brief = fixtureBrief(draftBriefFromActor(ctx, 'act_holmqvist'));
const swedish: Brief = { ...fixtureBrief(draftBriefFromActor(ctx, 'act_holmqvist', 'sv')), language: 'sv' };
const APA = { xml: BUILT_IN_STYLES.apa!, name: 'apa' };
const text = async (brief: Brief, format: 'md' | 'html', style?: typeof APA, language?: 'en' | 'sv') =>
  new TextDecoder().decode(await exportBrief(brief, ctx, format, style, language));

const tmp = mkdtempSync(path.join(tmpdir(), 'dossier-brief-language-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Words only an English export writes, and their Swedish counterparts. */
const ENGLISH_WORDS = ['Sources', 'Quoted:', 'Statements by', 'This brief collects', 'March 2025'];
const SWEDISH_WORDS = ['Källor', 'Citat:', 'Uttalanden av', 'Detta PM samlar', 'mars 2025'];

describe('a Swedish draft', () => {
  it('writes its title, headings and sentences in Swedish, and keeps who it is about for the facts', () => {
    const draft = draftBriefFromActor(ctx, 'act_holmqvist', 'sv');
    expect(draft.title).toBe('PM: Karin Holmqvist');
    const json = JSON.stringify(draft.doc);
    expect(json).toContain('Uttalanden av Karin Holmqvist');
    expect(json).toContain('Uttalanden om Karin Holmqvist');
    expect(json).toContain('Omnämnanden');
    expect(json).toContain('Hållning: stöder');
    expect(json).toContain('Motsägs av');
    expect(json).toContain('4 mars 2025');
    expect(json).not.toMatch(/Statements|Stance|Contradicted|March/);
    expect(json).toContain('"about":{"kind":"actor","name":"Karin Holmqvist"}');
    const byTag = draftBriefFromTag(ctx, 'tag_fish', 'sv');
    expect(byTag.title).toMatch(/^PM: /);
  });

  it('words the live facts in the language asked, keeping a notebook’s own status names', () => {
    const lookup = (id: string) => ctx.annotation(id) ?? null;
    const ids = annotations.map((a) => a.id);
    const sv = factRuns({ kind: 'split', annotationIds: ids }, lookup, 'sv')!
      .map((r) => r.text)
      .join('');
    expect(sv).toContain('Status: 2 bekräftade, 2 obekräftade, 1 omstridd.');
    expect(sv).toContain('Hållning: 2 stöder, 1 motsätter sig, 1 förhåller sig neutral.');
    const en = factRuns({ kind: 'split', annotationIds: ids }, lookup)!
      .map((r) => r.text)
      .join('');
    expect(en).toContain('Status: 2 corroborated, 2 unverified, 1 disputed.');
    const overview = factRuns(
      { kind: 'overview', annotationIds: ids, about: { kind: 'tag', name: 'Fiske' } },
      lookup,
      'sv',
    )!;
    expect(overview[0]!.text).toBe(
      'Detta PM samlar 5 påståenden taggade ”Fiske” från 4 källor, publicerade mellan 4 mars 2025 och 18 mars 2025.',
    );
    // The participle agrees with the number of claims.
    const one = factRuns(
      { kind: 'overview', annotationIds: [ids[0]!], about: { kind: 'actor', name: 'Karin Holmqvist' } },
      lookup,
      'sv',
    )!;
    expect(one[0]!.text).toMatch(
      /^Detta PM samlar 1 påstående kopplat till Karin Holmqvist från 1 källa, publicerad den /,
    );
    // A status the notebook named itself is the person's word: kept as written.
    const custom = makeBriefContext({
      sources: sources.map(({ text: _t, ...meta }) => meta),
      annotations: [{ ...annotations[0]!, status: 'needs a second source' }],
    });
    const status = factRuns(
      { kind: 'status', annotationIds: [annotations[0]!.id], drafted: { [annotations[0]!.id]: 'corroborated' } },
      (id) => custom.annotation(id) ?? null,
      'sv',
    )!;
    expect(status.map((r) => r.text).join('')).toBe(
      'Status: needs a second source (ändrad sedan utkastet: var bekräftad, nu needs a second source)',
    );
  });
});

describe('exports in the brief’s language', () => {
  it('Markdown: Swedish headings, date line, note lead and missing-citation marker', async () => {
    const md = await text(swedish, 'md');
    for (const word of SWEDISH_WORDS) expect(md).toContain(word);
    expect(md).toMatch(/^\*21 mars 2025\*$/m);
    expect(md).toContain('## Källor');
    expect(md).toContain('\\[källhänvisning borttagen\\]');
    for (const word of ENGLISH_WORDS) expect(md).not.toContain(word);
  });

  it('HTML: lang="sv", Swedish section headings and link labels', async () => {
    const html = await text(swedish, 'html');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<h2>Källor</h2>');
    expect(html).toContain('<h2>Noter</h2>');
    expect(html).toContain('aria-label="Tillbaka till texten"');
    expect(html).toContain('title="Var: ”an estimate of 2,000 jobs”"');
    expect(html).not.toMatch(/>Sources<|>Notes<|Back to text/);
  });

  it('an English brief (no language saved) is unchanged, and an export may ask for Swedish once', async () => {
    const md = await text(english, 'md');
    for (const word of ENGLISH_WORDS) expect(md).toContain(word);
    expect(md).toMatch(/^\*21 March 2025\*$/m);
    expect(md).toBe(await text({ ...english, language: 'en' }, 'md'));
    const html = await text(english, 'html');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>Notes</h2>');
    // The one-off language words the export, not the draft's stored text.
    const once = await text(english, 'md', undefined, 'sv');
    expect(once).toContain('## Källor');
    expect(once).toContain('*21 mars 2025*');
    expect(once).toContain('Statements by'); // the English draft's own headings are the person's text now
  });

  it('DOCX: Swedish heading, footnotes, page footer and document description', async () => {
    const files = unzipSync(await exportBrief(swedish, ctx, 'docx'));
    const document = strFromU8(files['word/document.xml']!);
    const footnotes = strFromU8(files['word/footnotes.xml']!);
    const footers = Object.keys(files)
      .filter((f) => /^word\/footer\d*\.xml$/.test(f))
      .map((f) => strFromU8(files[f]!))
      .join('');
    const core = strFromU8(files['docProps/core.xml']!);
    const words = (xml: string) =>
      flat([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(words(document)).toContain('Källor');
    expect(words(document)).toContain('21 mars 2025');
    expect(words(document)).toContain('Uttalanden av Karin Holmqvist');
    expect(words(document)).not.toContain('Sources');
    expect(words(footnotes)).toContain('Citat:');
    expect(words(footnotes)).toContain('04 mars 2025'); // citeproc's date, from the sv-SE CSL locale
    expect(words(footnotes)).not.toContain('Quoted');
    expect(footers).toContain('Sida ');
    expect(footers).toContain(' av ');
    expect(footers).not.toContain('Page ');
    expect(core).toContain('PM exporterat från en anteckningsbok i Dossier');
    // Word proofs the text as Swedish.
    expect(strFromU8(files['word/styles.xml']!)).toMatch(/<w:lang w:val="sv-SE"/);
  });
});

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const poppler = hasTool('pdftotext');
if (!poppler) console.warn('Swedish PDF test skipped: pdftotext (poppler-utils) is not installed.');

describe.skipIf(!poppler)('PDF in Swedish', () => {
  it('has Swedish headings, dates, page numbers and note leads', async () => {
    const file = path.join(tmp, 'sv.pdf');
    writeFileSync(file, await exportBrief(swedish, ctx, 'pdf'));
    const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = pdf.split('\f').filter((p) => p.trim());
    pages.forEach((p, i) => expect(flat(p)).toContain(`Sida ${i + 1} av ${pages.length}`));
    const all = flat(pdf);
    for (const word of SWEDISH_WORDS) expect(all).toContain(word);
    expect(all).toContain('21 mars 2025');
    for (const word of ENGLISH_WORDS) expect(all).not.toContain(word);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Subject:\s+PM/);
  });
});

describe('citeproc with the brief’s language', () => {
  const undated = { ...sources[3]!, publishedAt: undefined };
  const cite = (language: 'en' | 'sv') => {
    const f = citationFormatter(APA.xml, [undated], 'apa', language);
    const words = (runs: Array<{ kind: string; text?: string }>) => runs.map((r) => r.text ?? '').join('');
    return { cite: words(f.cite(undated, 'first')), entry: words(f.bibliography()[0]!.entry) };
  };

  it('uses the sv-SE CSL locale for a Swedish brief: “u.å.”, “Hämtad … från”, Swedish months', () => {
    const sv = cite('sv');
    expect(sv.cite).toContain('u.å.');
    expect(sv.entry).toContain('(u.å.)');
    expect(sv.entry).toContain('Hämtad 20 mars 2025, från https://harbourpolicy.example/analysis/nordhamn-jobs');
  });

  it('keeps en-US for an English brief (as before briefs had a language), engines kept apart', () => {
    const en = cite('en');
    expect(en.cite).toContain('n.d.');
    expect(en.entry).toContain('Retrieved March 20, 2025, from');
    // The Swedish engine built above is not reused for English, nor the other way round.
    expect(cite('sv').entry).toContain('Hämtad');
  });

  it('a Swedish brief in APA exports Swedish terms in its Sources list', async () => {
    const md = await text(swedish, 'md', APA);
    expect(md).toContain('## Källor');
    expect(md).toContain('(2025, mars 4)');
    expect(md).not.toContain('March');
  });
});

describe('the person’s interface language', () => {
  it('is the one in their settings, or with "system" the first the system prefers that Dossier speaks', () => {
    expect(interfaceLanguage({ language: 'sv' }, { LANG: 'en_GB.UTF-8' })).toBe('sv');
    expect(interfaceLanguage({ language: 'en' }, { LANG: 'sv_SE.UTF-8' })).toBe('en');
    expect(interfaceLanguage({ language: 'system' }, { LANG: 'sv_SE.UTF-8' })).toBe('sv');
    expect(interfaceLanguage({ language: 'system' }, { LANGUAGE: 'de:sv', LANG: 'en_US.UTF-8' })).toBe('sv');
    expect(interfaceLanguage({ language: 'system' }, { LC_ALL: 'en_US.UTF-8', LANG: 'sv_SE.UTF-8' })).toBe('en');
  });
});
