/**
 * The built-in citation styles and what is known of a style without running
 * it (its title, the size limit): light enough for every process to load at
 * start. citeproc itself (citation-style.ts) loads only when a brief is
 * exported or a style is checked.
 */
import STYLES from '@citation-js/plugin-csl/lib/styles.json' with { type: 'json' };
import { CHICAGO_NOTES_CSL } from './styles/chicago-notes';

/** The styles every notebook has, by id. */
export const BUILT_IN_STYLES: Record<string, string> = {
  'chicago-notes': CHICAGO_NOTES_CSL,
  apa: STYLES.apa!,
};
export const DEFAULT_STYLE = 'chicago-notes';

/** The largest style file read (the biggest published CSL styles are about 100 KB). */
export const MAX_STYLE_BYTES = 1024 * 1024;

/** The style's title (its `<info><title>`), or `fallback`. */
export function styleTitle(xml: string, fallback: string): string {
  const m = /<title>([^<]{1,300})<\/title>/.exec(xml);
  return m ? decodeEntities(m[1]!.trim()) : fallback;
}

/** Text with the XML/HTML character references citeproc and style files use, decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);/gi, (_, code: string) => {
    const c = code.toLowerCase();
    if (c === 'amp') return '&';
    if (c === 'lt') return '<';
    if (c === 'gt') return '>';
    if (c === 'quot') return '"';
    if (c === 'apos') return "'";
    if (c === 'nbsp') return '\u00a0';
    const n = c.startsWith('#x') ? parseInt(c.slice(2), 16) : parseInt(c.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
  });
}
