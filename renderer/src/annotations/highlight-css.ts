/**
 * Highlight names and colours: which `::highlight(...)` an annotation is
 * painted with (by its first tag, or by its status) and the CSS rules for the
 * tag and status colours, generated from the codebook. Pure apart from
 * `applyHighlightRules`, which installs them as a constructed style sheet
 * (no inline <style>, nothing for the CSP to object to).
 */
import type { Annotation, Tag } from '../../../shared/model';

export type ColourMode = 'tag' | 'status';

/** Colours for the statuses, by position in the notebook's list (the default four first). */
export const STATUS_COLOURS: Record<string, string> = {
  unverified: '#c9a227',
  corroborated: '#3f9b5b',
  disputed: '#d9822b',
  refuted: '#c8453a',
};
const EXTRA_STATUS_COLOURS = ['#6c7bd0', '#a05fb8', '#2a9d9a', '#8a8f3c', '#b0607a'];

/** Fallback colours by kind (untagged annotations in "tag" mode). */
export const KIND_COLOURS: Record<Annotation['kind'], string> = {
  claim: '#5b8fd0',
  highlight: '#e2c044',
  note: '#9a7fd1',
};

/** A CSS identifier fragment from anything (ids are letters, digits and "_"; be safe anyway). */
function ident(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

export function tagKey(tagId: string): string {
  return `dossier-tag-${ident(tagId)}`;
}
export function statusKey(status: string): string {
  return `dossier-status-${ident(status)}`;
}
export function kindKey(kind: Annotation['kind']): string {
  return `dossier-kind-${kind}`;
}

export function statusColour(status: string, statuses: readonly string[]): string {
  const known = STATUS_COLOURS[status];
  if (known) return known;
  const extras = statuses.filter((s) => !STATUS_COLOURS[s]);
  const i = Math.max(0, extras.indexOf(status));
  return EXTRA_STATUS_COLOURS[i % EXTRA_STATUS_COLOURS.length]!;
}

/** The highlight name one annotation is painted with. */
export function highlightKey(
  annotation: Pick<Annotation, 'kind' | 'tagIds' | 'status'>,
  mode: ColourMode,
  tagIds: ReadonlySet<string>,
): string {
  if (mode === 'status') return statusKey(annotation.status);
  const first = annotation.tagIds.find((id) => tagIds.has(id));
  return first ? tagKey(first) : kindKey(annotation.kind);
}

/** Accepts only plain colour values (hex, a colour name, rgb()/hsl()) so a stored colour cannot inject CSS. */
export function safeColour(colour: string | undefined, fallback: string): string {
  if (!colour) return fallback;
  const c = colour.trim();
  if (/^#[0-9a-f]{3,8}$/i.test(c) || /^[a-z]{3,20}$/i.test(c) || /^(rgb|hsl)a?\([\d\s.,%/]+\)$/i.test(c)) return c;
  return fallback;
}

function rule(key: string, colour: string): string {
  return `::highlight(${key}) { background-color: color-mix(in srgb, ${colour} 38%, transparent); }`;
}

/** CSS for every tag colour, every status colour and the kind fallbacks. */
export function highlightRules(tags: readonly Tag[], statuses: readonly string[]): string {
  const lines: string[] = [];
  for (const [kind, colour] of Object.entries(KIND_COLOURS))
    lines.push(rule(kindKey(kind as Annotation['kind']), colour));
  for (const s of statuses) lines.push(rule(statusKey(s), statusColour(s, statuses)));
  for (const t of tags) lines.push(rule(tagKey(t.id), safeColour(t.color, KIND_COLOURS.claim)));
  return lines.join('\n');
}

let sheet: CSSStyleSheet | null = null;

/** Installs (or replaces) the generated rules in the document. */
export function applyHighlightRules(css: string): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(css);
}
