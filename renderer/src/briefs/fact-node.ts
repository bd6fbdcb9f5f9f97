/**
 * A drafted fact in the editor — the overview, the stance and status split, a
 * claim's status (shared/brief-facts.ts): an inline atom drawn from the claims
 * as they are now, through the same CitationStore as the citation chips, so it
 * re-resolves when the notebook changes. What changed since drafting is marked.
 */
import i18next from 'i18next';
import { mergeAttributes, Node } from '@tiptap/react';
import { FACT_NODE, factAttrs, factRuns, type FactAttrs } from '../../../shared/brief-facts';
import { liveClaim, type CitationStore } from './citation-store';
import { liveAtomView } from './atom-view';

export interface FactOptions {
  store: CitationStore | null;
}

/** Fills `dom` with the worded fact. Exported for tests of the drawing. */
export function drawFact(dom: HTMLElement, attrs: FactAttrs | undefined, store: CitationStore | null): void {
  dom.replaceChildren();
  dom.className = 'brief-fact';
  if (!attrs) {
    dom.textContent = '';
    return;
  }
  dom.dataset.kind = attrs.kind;
  const runs = store ? factRuns(attrs, (id) => liveClaim(store.get(id)), store.language) : undefined;
  if (!runs) {
    dom.classList.add('is-loading');
    dom.textContent = '…';
    return;
  }
  let changed = false;
  for (const run of runs) {
    const span = document.createElement(run.bold ? 'strong' : 'span');
    span.textContent = run.text;
    if (run.changed) {
      span.className = 'fact-changed';
      changed = true;
    }
    dom.append(span);
  }
  dom.dataset.changed = String(changed);
  dom.title = i18next.t('briefs:fact.title');
}

export const Fact = Node.create<FactOptions>({
  name: FACT_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addOptions() {
    return { store: null };
  },

  addAttributes() {
    const json = (name: string) => ({
      default: null,
      parseHTML: (element: HTMLElement) => {
        const raw = element.getAttribute(`data-${name}`);
        if (raw === null) return null;
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          return raw;
        }
      },
      renderHTML: (attributes: Record<string, unknown>) =>
        attributes[name] == null ? {} : { [`data-${name}`]: JSON.stringify(attributes[name]) },
    });
    return {
      kind: json('kind'),
      annotationIds: json('annotationIds'),
      about: json('about'),
      subject: json('subject'),
      stanceActorId: json('stanceActorId'),
      drafted: json('drafted'),
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-brief-fact]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-brief-fact': '' }, HTMLAttributes)];
  },

  renderText() {
    return '';
  },

  addNodeView() {
    const { store } = this.options;
    return ({ node: initial }) =>
      liveAtomView(
        initial,
        (dom, node) => drawFact(dom, factAttrs({ type: FACT_NODE, attrs: node.attrs }), store),
        (_dom, redraw) => store?.subscribe(redraw) ?? (() => {}),
      );
  },
});
