/**
 * What Dossier's REFI-QDA files share between writing and reading: the
 * namespaces, the names of the code groups, sets and variables Dossier uses,
 * GUIDs, and character positions.
 *
 * Positions: REFI-QDA counts `startPosition` / `endPosition` in characters of
 * the plain text; QDA programs (QualCoder reads the text as a Python string,
 * the others as Unicode text) count Unicode code points. Dossier counts UTF-16
 * code units, so an emoji or any other astral character is 2 here and 1 there.
 */
import { createHash } from 'node:crypto';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** The plain-text folder inside a .qdpx (QualCoder also accepts `sources`). */
export const SOURCES_DIR = 'Sources';
export const PROJECT_ENTRY = 'project.qde';

/**
 * Statuses and annotation kinds have no REFI-QDA element of their own; both
 * live per selection, so each becomes a group of codes (a non-codable parent
 * code with one codable child per value), coded on each selection, and a Set
 * with that name lists the codes so the reader knows them apart from tags.
 */
export const STATUS_GROUP = 'Status';
export const STATUS_SET = 'Dossier statuses';
export const KIND_GROUP = 'Kind';
export const KIND_SET = 'Dossier kinds';

/** Source variables (on each TextSource) and actor variables (on each Case). */
export const SOURCE_VARIABLES = ['Outlet', 'Author', 'URL', 'Published', 'Language', 'Dossier fingerprint'] as const;
export type SourceVariable = (typeof SOURCE_VARIABLES)[number];
export const ACTOR_VARIABLES = ['Actor kind', 'Aliases', 'Colour', 'Member of', 'Dossier links'] as const;
export type ActorVariable = (typeof ACTOR_VARIABLES)[number];

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** The standard's GUID form (8-4-4-4-12 hex digits, braces allowed), lower-cased without braces; undefined otherwise. */
export function normalizeGuid(value: string | undefined): string | undefined {
  const m = value ? GUID.exec(value.trim()) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * A stable GUID for a Dossier record (the same notebook and id give the same
 * GUID in every export), shaped as an RFC 9562 version-8 UUID.
 */
export function guidFor(scope: string, id: string): string {
  const h = createHash('sha256').update(`${scope}\u0000${id}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Converts between UTF-16 offsets (Dossier) and code-point positions (REFI-QDA) in one text. */
export class PositionMap {
  /** UTF-16 offsets of the astral characters (each takes two code units), ascending. */
  private readonly astral: number[] = [];
  readonly codePoints: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
    this.codePoints = text.length - this.astral.length;
  }

  /** Code-point position of UTF-16 offset `u16` (inside a pair: the pair's position). */
  toCodePoint(u16: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! < u16) lo = mid + 1;
      else hi = mid;
    }
    // `lo` pairs start before u16, each one code unit longer than its code point.
    return u16 - lo;
  }

  /** UTF-16 offset of code-point position `cp` (0…codePoints). */
  toUtf16(cp: number): number {
    // The k-th astral character sits at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }
}
