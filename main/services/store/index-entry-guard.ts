/**
 * A fast check of the manifest's source-index entries, equivalent to
 * `SourceMeta.safeParse(x).success` (a property test keeps the two in step).
 * Opening a notebook of 5,000 sources validates 5,000 entries; zod costs more
 * than reading and parsing the file itself, so entries that pass this guard
 * skip zod, and zod runs only to describe an entry that fails it.
 */
import { OriginKind } from '../../../shared/model';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const LANGUAGE = /^([a-z]{2}|und)$/;
const SHA256 = /^[0-9a-f]{64}$/;
const ORIGIN_KINDS = new Set<string>(OriginKind.options);

const isId = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const optString = (v: unknown): boolean => v === undefined || typeof v === 'string';

export function isValidIndexEntry(x: unknown): boolean {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const e = x as Record<string, unknown>;
  const origin = e.origin as Record<string, unknown> | null | undefined;
  return (
    isId(e.id) &&
    typeof e.title === 'string' &&
    optString(e.outlet) &&
    optString(e.author) &&
    optString(e.url) &&
    (e.publishedAt === undefined || (typeof e.publishedAt === 'string' && ISO_DATE.test(e.publishedAt))) &&
    typeof e.language === 'string' &&
    LANGUAGE.test(e.language) &&
    typeof e.importedAt === 'string' &&
    e.importedAt.length >= 10 &&
    typeof origin === 'object' &&
    origin !== null &&
    !Array.isArray(origin) &&
    typeof origin.kind === 'string' &&
    ORIGIN_KINDS.has(origin.kind) &&
    optString(origin.name) &&
    typeof origin.sha256 === 'string' &&
    SHA256.test(origin.sha256) &&
    (e.nearDuplicateOf === undefined || isId(e.nearDuplicateOf))
  );
}
