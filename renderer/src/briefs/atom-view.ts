/**
 * The node view of a live inline atom (a citation chip, a drafted fact): a
 * non-editable span drawn from the node and redrawn by whatever it watches.
 */
import type { Node as PmNode } from '@tiptap/pm/model';

export interface AtomView {
  dom: HTMLElement;
  update(next: PmNode): boolean;
  ignoreMutation(): boolean;
  destroy(): void;
}

/**
 * `draw` fills the span from the current node; `attach` subscribes to what may change it
 * (calling `redraw`) and returns what undoes that.
 */
export function liveAtomView(
  initial: PmNode,
  draw: (dom: HTMLElement, node: PmNode) => void,
  attach: (dom: HTMLElement, redraw: () => void, current: () => PmNode) => () => void,
): AtomView {
  let node = initial;
  const dom = document.createElement('span');
  dom.contentEditable = 'false';
  const redraw = () => draw(dom, node);
  redraw();
  const detach = attach(dom, redraw, () => node);
  return {
    dom,
    update(next) {
      if (next.type !== node.type) return false;
      node = next;
      redraw();
      return true;
    },
    ignoreMutation: () => true,
    destroy: detach,
  };
}
