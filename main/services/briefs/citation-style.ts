/**
 * Citation styles for briefs (docs/interop.md, "Briefs in any CSL style"):
 * citeproc-js renders each note, its short form and the Sources list from a
 * CSL style — Dossier's Chicago notes style by default, APA (author-date)
 * built in, or any `.csl` file in the notebook's `styles/` folder. Output is
 * citeproc's HTML, read back into the brief's own inline runs (italic, bold,
 * links) so every exporter renders it as it renders body text.
 */
import CSL from 'citeproc';
import LOCALES from '@citation-js/plugin-csl/lib/locales.json' with { type: 'json' };
import type { CitationKind, UiLanguage } from '../../../shared/enums';
import { DossierError } from '../../../shared/errors';
import type { SourceMeta } from '../../../shared/model';
import type { Inline, Marks } from './blocks';
import { cslItemIn, type CslItem } from './csl-item';
import { decodeEntities, MAX_STYLE_BYTES, styleTitle } from './style-catalog';
import { CSL_LOCALE_SV_SE } from './locales/sv-SE';

export { BUILT_IN_STYLES, DEFAULT_STYLE, MAX_STYLE_BYTES, styleTitle } from './style-catalog';

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+[^\s<>".,;:)]/g;

/** citeproc's HTML (i, b, span styles, sup, div) as inline runs; unknown tags are dropped, their text kept. */
export function htmlToInlines(html: string): Inline[] {
  const out: Inline[] = [];
  const stack: Array<keyof Marks | null> = [];
  const marks = (): Marks => {
    const m: Marks = {};
    for (const k of stack) if (k === 'italic' || k === 'bold') m[k] = true;
    return m;
  };
  for (const token of html.match(/<[^<>]{0,300}>|[^<]+/g) ?? []) {
    if (token.startsWith('<')) {
      if (/^<\//.test(token)) {
        if (!/^<\/div/i.test(token)) stack.pop();
        continue;
      }
      if (/^<div/i.test(token) || /\/>$/.test(token)) continue;
      stack.push(
        /^<i\b|font-style:\s*italic/i.test(token) ? 'italic' : /^<b\b|font-weight:\s*bold/i.test(token) ? 'bold' : null,
      );
      continue;
    }
    const text = decodeEntities(token).replace(/\s+/g, ' ');
    if (!text) continue;
    // URLs become links, so a reader can follow them from the note.
    let at = 0;
    for (const m of text.matchAll(URL_IN_TEXT)) {
      if (m.index! > at) out.push({ kind: 'text', text: text.slice(at, m.index), marks: marks() });
      out.push({ kind: 'text', text: m[0], marks: { ...marks(), link: m[0] } });
      at = m.index! + m[0].length;
    }
    if (at < text.length) out.push({ kind: 'text', text: text.slice(at), marks: marks() });
  }
  // Outer spaces of the whole run are citeproc's layout, not text.
  const first = out[0];
  if (first?.kind === 'text') first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last?.kind === 'text') last.text = last.text.trimEnd();
  return out.filter((i) => i.kind !== 'text' || i.text.length > 0);
}

type Engine = InstanceType<typeof CSL.Engine>;

/** The CSL locales citeproc can use: citation-js's five and Dossier's Swedish one. */
const CSL_LOCALES: Record<string, string> = { ...(LOCALES as Record<string, string>), 'sv-SE': CSL_LOCALE_SV_SE };

/** The CSL locale a brief in each language cites with (English briefs keep the styles' American English terms). */
export const CSL_LOCALE_OF: Record<UiLanguage, string> = { en: 'en-US', sv: 'sv-SE' };

/**
 * The CSL locale for `lang` ("fr-FR", "fr"): the one bundled for it, else one of its language ("fr-CA" →
 * "fr-FR"), else en-US. Bundled: en-US, fr-FR, de-DE, es-ES, nl-NL (citation-js's CSL plugin) and sv-SE.
 */
function localeFor(lang: string): string {
  const table = CSL_LOCALES;
  const language = lang.split('-')[0]!.toLowerCase();
  const sameLanguage = Object.keys(table).find((k) => k.split('-')[0]!.toLowerCase() === language);
  return table[lang] ?? (sameLanguage ? table[sameLanguage]! : table['en-US']!);
}

/**
 * Engines by style text and language, the most recently used last: building
 * one parses the style (a large style such as APA takes hundreds of
 * milliseconds), so a session reuses it from export to export.
 */
const engines = new Map<string, { engine: Engine; items: Map<string, CslItem> }>();
const MAX_ENGINES = 4;

function engineFor(xml: string, name: string, language: UiLanguage): { engine: Engine; items: Map<string, CslItem> } {
  const key = `${language}\u0000${xml}`;
  const hit = engines.get(key);
  if (hit) {
    engines.delete(key);
    engines.set(key, hit);
    return hit;
  }
  const items = new Map<string, CslItem>();
  let engine: Engine;
  try {
    engine = new CSL.Engine(
      {
        retrieveLocale: localeFor,
        retrieveItem: (id: string) => items.get(id),
      },
      // The brief's language decides the terms and dates, unless the style names a default-locale of its own.
      xml,
      CSL_LOCALE_OF[language],
    );
    engine.setOutputFormat('html');
  } catch (err) {
    throw DossierError.of('invalid-input', 'briefs.couldReadCslStyle', {
      name,
      value: err instanceof Error ? err.message : String(err),
    });
  }
  engines.set(key, { engine, items });
  if (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value!);
  return { engine, items };
}

/** A style ready to cite a set of sources. */
export interface CitationFormatter {
  kind: CitationKind;
  title: string;
  /** A source's citation: its first (full) form, or the later (short) form. */
  cite(source: SourceMeta, position: 'first' | 'subsequent'): Inline[];
  /** The Sources list in the style's order, one entry per source. */
  bibliography(): Array<{ source: SourceMeta; entry: Inline[] }>;
}

/**
 * A formatter for `xml` over `sources` (registered at once, so the style can
 * tell same-author, same-year sources apart). Throws a DossierError naming the
 * style for a file that is not a CSL style.
 */
export function citationFormatter(
  xml: string,
  sources: readonly SourceMeta[],
  name = 'the style',
  language: UiLanguage = 'en',
): CitationFormatter {
  if (xml.length > MAX_STYLE_BYTES) throw DossierError.of('invalid-input', 'briefs.styleTooLarge', { name });
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw DossierError.of('invalid-input', 'briefs.declaresDoctypeEntitiesRefused', { name });
  if (!/<style\b[^>]{0,2000}xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml))
    throw DossierError.of('invalid-input', 'briefs.cslStyleStyleCsl', { name });
  const byId = new Map(sources.map((s) => [s.id, s]));
  const cached = engineFor(xml, name, language);
  cached.items.clear();
  for (const s of sources) cached.items.set(s.id, cslItemIn(s, language));
  const { engine } = cached;
  // A fresh registry for these sources (an engine is reused across exports; its items may have changed).
  try {
    engine.updateItems([]);
    engine.updateItems([...cached.items.keys()]);
  } catch (err) {
    engines.delete(`${language}\u0000${xml}`);
    throw DossierError.of('invalid-input', 'briefs.couldReadCslStyle', {
      name,
      value: err instanceof Error ? err.message : String(err),
    });
  }
  const kind: CitationKind = engine.opt.class === 'note' ? 'note' : 'in-text';
  const cites = new Map<string, Inline[]>();
  return {
    kind,
    title: styleTitle(xml, name),
    cite(source, position) {
      // One source's citation in one position is the same wherever it appears: worded once.
      const key = `${position}:${source.id}`;
      let runs = cites.get(key);
      if (!runs) {
        const html = engine.makeCitationCluster([
          { id: source.id, position: position === 'first' ? CSL.POSITION_FIRST : CSL.POSITION_SUBSEQUENT },
        ]);
        runs = htmlToInlines(html);
        cites.set(key, runs);
      }
      return runs.map((r) => ({ ...r }));
    },
    bibliography() {
      const made = engine.makeBibliography();
      if (!made) return [];
      const [params, entries] = made;
      return entries.flatMap((html, i) => {
        const source = byId.get(params.entry_ids[i]?.[0] ?? '');
        return source ? [{ source, entry: htmlToInlines(html) }] : [];
      });
    },
  };
}
