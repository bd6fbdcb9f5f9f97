/**
 * The citation node in the editor: an inline atom `{type: 'citation', attrs:
 * {annotationId, quote, label}}` (shared/brief-doc.ts) drawn as a compact chip
 * — its note number (as the exports number it), quote excerpt, outlet (or
 * title and domain), date, status. The chip is live: it reads its claim
 * from a CitationStore and redraws when the store changes. A claim that no
 * longer exists shows "citation removed" with the quote cached in the node.
 *
 * The node view is plain DOM (no React inside ProseMirror): cheap for briefs
 * with hundreds of citations, and no nested React roots.
 */
import i18next from 'i18next';
import { Plugin } from '@tiptap/pm/state';
import { mergeAttributes, Node } from '@tiptap/react';
import {
  CITATION_NODE,
  citationLabel,
  citationNoteText,
  excerpt,
  JOINS_CITATION_MARK,
  quoted,
} from '../../../shared/brief-doc';
import type { ResolvedClaim } from '../../../shared/api/briefs';
import type { CitationState, CitationStore } from './citation-store';
import type { NoteNumbers } from './note-numbers';
import { liveAtomView } from './atom-view';

export interface CitationOptions {
  store: CitationStore | null;
  /** The note numbers the chips show (as in the exports). */
  numbers: NoteNumbers | null;
  /** Opens the cited claim in its source (double-click on a chip). */
  onOpen: ((claim: ResolvedClaim) => void) | null;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fills `dom` with the chip for one citation. Exported for tests of the wording. */
export function drawChip(
  dom: HTMLElement,
  attrs: { annotationId: string; quote?: string | null; label?: string | null },
  claim: CitationState,
  note?: { n: number; repeat: boolean },
): void {
  // Drawn outside React: the words of the interface language at the time of drawing.
  const t = i18next.getFixedT(null, 'briefs');
  dom.replaceChildren();
  dom.className = 'cite-chip';
  delete dom.dataset.note;
  dom.dataset.annotationId = attrs.annotationId;
  if (claim === undefined) {
    dom.classList.add('is-loading');
    dom.dataset.state = 'loading';
    dom.append(el('span', 'cite-quote', attrs.quote ? quoted(excerpt(attrs.quote, 48)) : t('chip.loading')));
    dom.title = t('chip.lookingUp');
    return;
  }
  if (claim === null || 'sourceRemoved' in claim) {
    const source = claim?.sourceRemoved;
    dom.classList.add('is-removed');
    dom.dataset.state = source ? 'source-removed' : 'removed';
    dom.append(el('span', 'cite-removed', source ? t('chip.sourceRemoved') : t('chip.removed')));
    if (attrs.quote) dom.append(el('span', 'cite-quote', quoted(excerpt(attrs.quote, 48))));
    if (attrs.label) dom.append(el('span', 'cite-meta', attrs.label));
    dom.title = source ? t('chip.sourceRemovedTitle', { title: source.title }) : t('chip.removedTitle');
    return;
  }
  dom.dataset.state = 'live';
  dom.dataset.status = claim.annotation.status;
  if (note) {
    dom.dataset.note = String(note.n);
    dom.append(el('span', 'cite-n', String(note.n)));
    if (note.repeat) dom.classList.add('is-repeat');
  }
  dom.append(el('span', 'cite-quote', quoted(excerpt(claim.annotation.target.exact, 28))));
  dom.append(el('span', 'cite-meta', citationLabel(claim)));
  dom.append(
    el('span', `cite-status status-${claim.annotation.status.replace(/[^a-z0-9-]/gi, '')}`, claim.annotation.status),
  );
  const again = note?.repeat ? `${t('chip.again', { n: note.n })}\n` : note ? `${t('chip.note', { n: note.n })}\n` : '';
  dom.title = `${again}${citationNoteText(claim)}\n${t('chip.open')}`;
}

/** One typed character of the punctuation a citation mark joins. */
const JOINS_CITATION = new RegExp(`^[${JOINS_CITATION_MARK}]$`);

export const Citation = Node.create<CitationOptions>({
  name: CITATION_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { store: null, numbers: null, onOpen: null };
  },

  addAttributes() {
    return {
      annotationId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-annotation-id'),
        renderHTML: (attributes) => ({ 'data-annotation-id': attributes.annotationId as string }),
      },
      quote: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-quote'),
        renderHTML: (attributes) => (attributes.quote ? { 'data-quote': attributes.quote as string } : {}),
      },
      label: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-label'),
        renderHTML: (attributes) => (attributes.label ? { 'data-label': attributes.label as string } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-citation]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      mergeAttributes({ 'data-citation': '' }, HTMLAttributes),
      `[${(HTMLAttributes['data-quote'] as string | undefined) ?? 'citation'}]`,
    ];
  },

  renderText({ node }) {
    const quote = node.attrs.quote as string | null;
    return quote ? ` [${quoted(excerpt(quote, 60))}]` : ' [citation]';
  },

  // A citation is followed by a space so typing goes on; punctuation typed right there replaces that
  // space and joins the chip ("…chip." not "…chip ."), as the exports write it.
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleTextInput(view, from, to, text) {
            if (from !== to || !JOINS_CITATION.test(text) || from < 2) return false;
            const { doc } = view.state;
            if (doc.textBetween(from - 1, from) !== ' ') return false;
            if (doc.resolve(from - 1).nodeBefore?.type.name !== CITATION_NODE) return false;
            view.dispatch(view.state.tr.insertText(text, from - 1, from));
            return true;
          },
        },
      }),
    ];
  },

  addNodeView() {
    const { store, numbers, onOpen } = this.options;
    type Attrs = { annotationId: string; quote?: string | null; label?: string | null };
    return ({ node: initial, getPos }) =>
      liveAtomView(
        initial,
        (dom, node) => {
          const attrs = node.attrs as Attrs;
          drawChip(
            dom,
            attrs,
            store ? store.get(attrs.annotationId) : undefined,
            numbers?.at(attrs.annotationId, getPos()),
          );
        },
        (dom, redraw, current) => {
          const id = () => (current().attrs as Attrs).annotationId;
          const unsubscribe = store?.subscribe(redraw);
          // Typing moves positions on every key: redraw only when this chip's number or repeat changes.
          let shown = JSON.stringify(numbers?.at(id(), getPos()));
          const unsubscribeNumbers = numbers?.subscribe(() => {
            const now = JSON.stringify(numbers.at(id(), getPos()));
            if (now === shown) return;
            shown = now;
            redraw();
          });
          const onDblClick = (event: MouseEvent) => {
            const claim = store?.get(id());
            if (claim && 'annotation' in claim && onOpen) {
              event.preventDefault();
              onOpen(claim);
            }
          };
          dom.addEventListener('dblclick', onDblClick);
          return () => {
            unsubscribe?.();
            unsubscribeNumbers?.();
            dom.removeEventListener('dblclick', onDblClick);
          };
        },
      );
  },
});
