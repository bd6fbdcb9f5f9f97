// @vitest-environment jsdom
/**
 * Selections → text offsets under the reader convention (jsdom), as the
 * annotation UI takes them: inside one paragraph, across paragraph breaks,
 * starting in the header or ending between paragraphs (whitespace trimmed).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { revealRange, selectionOffsets } from '../../../renderer/src/annotations/highlights';

const PARAS = [
  'Nachtfähre nach Brask',
  'Der Hafenrat von Vellmar hat am Dienstagabend\nmit 7 zu 4 Stimmen entschieden.',
  '„Wir haben jahrelang darauf gewartet“, sagte Ingrid Halvorsen.',
];
const TEXT = PARAS.join('\n\n');

let container: HTMLElement;
let nodes: Text[];

beforeEach(() => {
  document.body.innerHTML =
    '<article><header><h1>Titel</h1></header><div class="reader-text"></div><footer>Ende</footer></article>';
  container = document.querySelector('.reader-text')!;
  let start = 0;
  nodes = [];
  for (const p of PARAS) {
    const el = document.createElement('p');
    el.className = 'para';
    el.dataset.start = String(start);
    el.textContent = p;
    container.appendChild(el);
    nodes.push(el.firstChild as Text);
    start += p.length + 2;
  }
});

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return sel;
}

describe('selectionOffsets', () => {
  it('maps a selection inside one paragraph, without the spaces around it', () => {
    const i = PARAS[1]!.indexOf('Vellmar');
    const sel = select(nodes[1]!, i - 1, nodes[1]!, i + 'Vellmar'.length + 1);
    const o = selectionOffsets(container, sel, TEXT)!;
    expect(TEXT.slice(o.start, o.end)).toBe('Vellmar');
  });

  it('maps a selection across a paragraph break to one range that includes the break', () => {
    const a = PARAS[1]!.indexOf('mit 7');
    const b = PARAS[2]!.indexOf('sagte') + 'sagte'.length;
    const o = selectionOffsets(container, select(nodes[1]!, a, nodes[2]!, b), TEXT)!;
    expect(TEXT.slice(o.start, o.end)).toBe(
      'mit 7 zu 4 Stimmen entschieden.\n\n„Wir haben jahrelang darauf gewartet“, sagte',
    );
  });

  it('clips a selection that starts in the header and ends between paragraphs, trimming whitespace', () => {
    const h1 = document.querySelector('h1')!.firstChild!;
    const o = selectionOffsets(container, select(h1, 2, container, 2), TEXT)!;
    expect(o.start).toBe(0);
    expect(TEXT.slice(o.start, o.end)).toBe(`${PARAS[0]}\n\n${PARAS[1]}`);
  });

  it('returns null for a selection outside the text or collapsed', () => {
    const footer = document.querySelector('footer')!.firstChild!;
    expect(selectionOffsets(container, select(footer, 0, footer, 3), TEXT)).toBeNull();
    expect(selectionOffsets(container, select(nodes[0]!, 3, nodes[0]!, 3), TEXT)).toBeNull();
  });
});

describe('revealRange', () => {
  it('returns the DOM range of a passage across paragraphs (the separator is not in the DOM)', () => {
    const start = TEXT.indexOf('Dienstagabend');
    const end = TEXT.indexOf('Wir') + 3;
    const range = revealRange(container, { start, end })!;
    expect(range.startContainer).toBe(nodes[1]);
    expect(range.endContainer).toBe(nodes[2]);
    expect(range.toString()).toBe(TEXT.slice(start, end).replace('\n\n', ''));
  });
});
