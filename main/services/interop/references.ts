/**
 * Sources as references (docs/interop.md#references): CSL-JSON, BibTeX and
 * RIS, for Zotero, pandoc, LaTeX and every reference manager. Each source
 * becomes the CSL item the briefs' citations use (`cslItem`: a newspaper
 * article with title, outlet, authors, date, URL, language, the day it was
 * imported as "accessed"); citation-js turns
 * the items into each format, so the escaping and field mapping are a
 * maintained library's, not ours.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { format as formatName } from '@citation-js/name';
import { cslItem } from '../briefs/csl-item';
import type { InteropExporter, InteropExportResult } from './registry';
import { selectSources } from './select-sources';

// BibTeX keys are the sources' ids: stable across exports and unique in the notebook, so a
// LaTeX document's \cite{src_…} keeps working when the file is exported again.
plugins.config.get('@bibtex').format.useIdAsLabel = true;

function result(text: string, items: number): InteropExportResult {
  return { bytes: new TextEncoder().encode(text), items };
}

/** CSL-JSON: an array of items (Zotero, pandoc `--citeproc`, citeproc-js read it as is). */
export const exportCslJson: InteropExporter = async (ctx, input) => {
  const items = selectSources(ctx, input.sourceIds).map(cslItem);
  return result(`${new Cite(items).format('data', { format: 'text' })}\n`, items.length);
};

/** BibTeX: one `@article` per source, keyed by its id, non-ASCII and LaTeX specials escaped. */
export const exportBibtex: InteropExporter = async (ctx, input) => {
  const items = selectSources(ctx, input.sourceIds).map(cslItem);
  return result(items.length ? new Cite(items).format('bibtex', { format: 'text' }) : '', items.length);
};

/**
 * RIS: one `NEWS` record per source, fields mapped by citation-js's RIS
 * plugin (its "new" specification). Three things the plugin's own text output
 * gets wrong are set right around it: RIS's newspaper type names its authors
 * "reporter" and the plugin passes those through unformatted, so they are
 * given already written as RIS names ("van Beethoven, Ludwig", by
 * citation-js's name formatter, particles kept); the mapping gives only the
 * year (PY), so the full date goes in DA; and its text output wraps values at
 * 70 characters, which readers such as bibutils join back with a space inside
 * a word, so each value is written on one line here.
 */
export const exportRis: InteropExporter = async (ctx, input) => {
  const items = selectSources(ctx, input.sourceIds).map(cslItem);
  const lines = items.flatMap((item) => {
    const names = item.author;
    const ris = names ? { ...item, reporter: names.map((n) => formatName(n, true)) } : item;
    const [record] = plugins.output.format('ris', [ris], { format: 'object', spec: 'new' });
    const fields: Record<string, string | string[]> = { ...record };
    const issued = item.issued?.['date-parts'][0];
    if (issued) fields.DA = `${issued.map((n) => String(n).padStart(2, '0')).join('/')}/`;
    const { TY, ...rest } = fields;
    return [
      `TY  - ${String(TY)}`,
      ...Object.entries(rest).flatMap(([tag, value]) => [value].flat().map((v) => `${tag}  - ${oneLine(v)}`)),
      'ER  - ',
    ];
  });
  return result(lines.length ? `${lines.join('\r\n')}\r\n` : '', items.length);
};

/** A value on one RIS line: line breaks would start a new (unknown) tag. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/gu, ' ');
}
