/**
 * The annotation UI's pure logic (no React, no DOM): anchoring a source's
 * annotations into reading order and orphans, the codebook tree, tag
 * suggestions, list filters and excerpts.
 */
import type { TFunction } from 'i18next';
import { anchorTargets, orphanReasonWords, type AnchorResult } from '../../../shared/anchoring';
import type { Annotation, RichDoc, Tag } from '../../../shared/model';

export interface Anchored {
  annotation: Annotation;
  start: number;
  end: number;
  status: Exclude<AnchorResult['status'], 'orphan'>;
}
export interface Orphan {
  annotation: Annotation;
  /** Why it could not be placed: a key of the `reader` catalogue and its values. */
  reason: ReturnType<typeof orphanReasonWords>;
}

/** Anchors every annotation of a source in its text; split into reading order and orphans. */
export function anchorAll(
  text: string,
  annotations: readonly Annotation[],
): { anchored: Anchored[]; orphans: Orphan[] } {
  const results = anchorTargets(
    text,
    annotations.map((a) => a.target),
  );
  const anchored: Anchored[] = [];
  const orphans: Orphan[] = [];
  results.forEach((r, i) => {
    const annotation = annotations[i]!;
    if (r.status === 'orphan') orphans.push({ annotation, reason: orphanReasonWords(r) });
    else anchored.push({ annotation, start: r.start, end: r.end, status: r.status });
  });
  anchored.sort(
    (a, b) => a.start - b.start || a.end - b.end || a.annotation.createdAt.localeCompare(b.annotation.createdAt),
  );
  return { anchored, orphans };
}

export interface TagTreeEntry {
  tag: Tag;
  depth: number;
  path: string;
}

/** Tags in codebook order: parents before children, with their depth and full path. */
export function tagTree(tags: readonly Tag[]): TagTreeEntry[] {
  const byParent = new Map<string | undefined, Tag[]>();
  const ids = new Set(tags.map((t) => t.id));
  for (const t of tags) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : undefined;
    const list = byParent.get(parent) ?? [];
    list.push(t);
    byParent.set(parent, list);
  }
  const out: TagTreeEntry[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number, prefix: string) => {
    const children = (byParent.get(parent) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name));
    for (const t of children) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      const path = prefix ? `${prefix} › ${t.name}` : t.name;
      out.push({ tag: t, depth, path });
      walk(t.id, depth + 1, path);
    }
  };
  walk(undefined, 0, '');
  // A cycle in parentIds would hide tags: list any left over at the top.
  for (const t of tags) if (!seen.has(t.id)) out.push({ tag: t, depth: 0, path: t.name });
  return out;
}

/** Codebook entries matching `query` (by name, then by path), best first; those in `exclude` left out. */
export function suggestTags(tree: TagTreeEntry[], query: string, exclude: ReadonlySet<string>): TagTreeEntry[] {
  const q = query.trim().toLocaleLowerCase();
  const scored = tree
    .filter((e) => !exclude.has(e.tag.id))
    .map((e) => {
      const name = e.tag.name.toLocaleLowerCase();
      const score =
        q === ''
          ? 2
          : name === q
            ? 0
            : name.startsWith(q)
              ? 1
              : name.includes(q)
                ? 2
                : e.path.toLocaleLowerCase().includes(q)
                  ? 3
                  : -1;
      return { e, score };
    })
    .filter((x) => x.score >= 0);
  scored.sort((a, b) => a.score - b.score);
  return scored.map((x) => x.e);
}

/** One row of the tag picker: an existing tag, or "Create tag …" with the typed name. */
export type TagOption = { kind: 'tag'; entry: TagTreeEntry } | { kind: 'create'; name: string };

/**
 * The tag picker's rows for what was typed, in order; Enter applies the first
 * unless the person moves the highlight. The exact name (ignoring case) comes
 * first, then names that start with the typed text, then "Create tag" (when no
 * name is exact), and only then names or paths that merely contain it — so a
 * longer name such as "Non-signatories" is never applied for "Signatories" by
 * Enter alone. `exactApplied`: the exact tag is already on the annotation.
 */
export function tagPickerOptions(
  tree: TagTreeEntry[],
  query: string,
  applied: ReadonlySet<string>,
  max = 8,
): { options: TagOption[]; exactApplied: boolean } {
  const name = query.trim();
  const folded = name.toLocaleLowerCase();
  const exact = tree.find((e) => e.tag.name.toLocaleLowerCase() === folded);
  const matches = suggestTags(tree, name, applied).slice(0, max);
  const options: TagOption[] = matches.map((entry) => ({ kind: 'tag', entry }));
  if (name && !exact) {
    const leading = matches.filter((e) => e.tag.name.toLocaleLowerCase().startsWith(folded)).length;
    options.splice(leading, 0, { kind: 'create', name });
  }
  return { options, exactApplied: !!exact && applied.has(exact.tag.id) };
}

/** A quote shortened for a list: first and last words around an ellipsis. */
export function excerpt(quote: string, max = 140): string {
  const q = quote.replace(/\s+/g, ' ').trim();
  if (q.length <= max) return q;
  const head = Math.ceil(max * 0.65);
  const tail = max - head - 3;
  return `${q.slice(0, head).trimEnd()} … ${q.slice(q.length - tail).trimStart()}`;
}

export interface Filters {
  kind: string;
  tag: string;
  status: string;
}

export function matchesFilters(a: Pick<Annotation, 'kind' | 'tagIds' | 'status'>, f: Filters): boolean {
  return (!f.kind || a.kind === f.kind) && (!f.tag || a.tagIds.includes(f.tag)) && (!f.status || a.status === f.status);
}

/** A note with no text is stored as no note. */
export function isEmptyDoc(doc: RichDoc | undefined | null): boolean {
  if (!doc) return true;
  const walk = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return true;
    const n = node as { type?: string; text?: string; content?: unknown[] };
    if (typeof n.text === 'string' && n.text.trim() !== '') return false;
    if (n.type && n.type !== 'doc' && n.type !== 'paragraph' && n.type !== 'text' && n.type !== 'hardBreak')
      return false;
    return (n.content ?? []).every(walk);
  };
  return walk(doc);
}

/** "12 annotations in 5 sources", in the translator's language. */
export function usageText(t: TFunction<'annotations'>, usage: { annotations: number; sources: number }): string {
  if (usage.annotations === 0) return t('usage.none');
  return t('usage.text', {
    annotations: t('usage.annotation', { count: usage.annotations }),
    sources: t('usage.source', { count: usage.sources }),
  });
}
