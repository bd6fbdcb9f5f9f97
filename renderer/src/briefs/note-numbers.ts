/**
 * The note number each citation chip shows, as the exports number them: one
 * note per cited claim, in order of first citation, citations of a claim that
 * is gone skipped. A later citation of the same claim is a repeat of that note.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { CITATION_NODE } from '../../../shared/brief-doc';
import { liveClaim, type CitationStore } from './citation-store';

export class NoteNumbers {
  private numbers = new Map<string, { n: number; firstPos: number }>();
  private readonly listeners = new Set<() => void>();

  /** Renumbers from the document; a claim still being looked up counts as live. */
  update(doc: PmNode, store: CitationStore): void {
    const next = new Map<string, { n: number; firstPos: number }>();
    doc.descendants((node, pos) => {
      if (node.type.name !== CITATION_NODE) return;
      const id = node.attrs.annotationId as string | null;
      if (!id || next.has(id) || liveClaim(store.get(id)) === null) return;
      next.set(id, { n: next.size + 1, firstPos: pos });
    });
    const same =
      next.size === this.numbers.size &&
      [...next].every(([id, v]) => this.numbers.get(id)?.n === v.n && this.numbers.get(id)?.firstPos === v.firstPos);
    this.numbers = next;
    if (!same) for (const listener of this.listeners) listener();
  }

  /** The note of a citation at `pos`: its number, and whether an earlier citation gave the note. */
  at(id: string, pos: number | undefined): { n: number; repeat: boolean } | undefined {
    const hit = this.numbers.get(id);
    return hit && { n: hit.n, repeat: pos !== undefined && pos !== hit.firstPos };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
