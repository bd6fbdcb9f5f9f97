/**
 * JSON documents (notes, briefs) compared as data, not as text. Two copies of
 * one document may list their keys in different orders — a note written
 * through the API, the CLI or an import against the editor's own JSON — and
 * ProseMirror's attrs objects have no prototype, which deep-equal libraries
 * that compare constructors count as a difference. Canonical JSON (RFC 8785:
 * keys sorted, numbers and strings in one form) makes equal documents equal text.
 */
import canonicalize from 'canonicalize';

/** The canonical JSON text of a value: the same for equal documents, whatever their key order. */
export function canonicalJson(value: unknown): string | undefined {
  return canonicalize(value);
}

/** Whether two JSON documents hold the same data (key order does not count). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
