/**
 * Highlight painting for the reader (docs/anchoring.md).
 *
 * Annotation ranges are painted with the CSS Custom Highlight API
 * (`CSS.highlights`, `new Highlight(...ranges)`): no element wraps any text,
 * so highlights may overlap, thousands cost no DOM churn, and the reader's
 * text nodes are never touched.
 *
 * The reader text convention: each paragraph of the source's text is one
 * `<p class="para" data-start="N">` whose only child is a text node equal to
 * `text.slice(N, N + paragraph.length)`; the "\n\n" separators are not
 * rendered. A text offset maps to (the text node of the last paragraph whose
 * start ≤ offset, offset − start) — found by binary search — and a DOM point
 * maps back the same way. Offsets are UTF-16 code units.
 *
 * Highlights are grouped by a colour key: every span with `group: 'tag-t1'`
 * goes into one Highlight registered as `dossier-tag-t1`; the active span is
 * also in `dossier-active` (painted on top). The page styles them with
 * `::highlight(<name>)` rules — `highlightCss()` generates those rules from
 * colours:
 *
 *     const css = highlightCss([{ group: 'tag-t1', color: '#f5c542' }, …]);
 *     styleElement.textContent = css;   // one <style> element, replaced when colours change
 *
 * Only `color`, `background-color`, `text-decoration`, `text-shadow` and a
 * few other properties apply inside `::highlight()`; use translucent
 * backgrounds so overlapping highlights stay readable.
 *
 * DOM only: no React, no Node. The reader component calls `paintHighlights`
 * after it renders its paragraphs (Ranges point into those text nodes, so
 * paint again whenever they are re-created) or when the annotation list
 * changes; `addHighlight` / `removeHighlight` for one annotation without
 * rebuilding the rest; `setActiveHighlight` when the inspector selects one
 * and `scrollToHighlight` to bring it into view; `offsetsFromSelection` to
 * turn the person's selection into text offsets; `annotationIdsAt` on click.
 */

export const HIGHLIGHT_PREFIX = 'dossier-';
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}active`;

/**
 * One range to paint. `group` is the colour key (e.g. `tag-<id>` or
 * `status-disputed`), painted as `dossier-<group>`; or give the full
 * highlight name as `key` (e.g. `dossier-tag-<id>`) instead.
 */
export interface PaintSpan {
  id: string;
  start: number;
  end: number;
  group?: string;
  key?: string;
  active?: boolean;
}

function nameOf(span: PaintSpan): string {
  if (span.key)
    return span.key.startsWith(HIGHLIGHT_PREFIX) ? span.key.replace(/[^A-Za-z0-9_-]/g, '_') : highlightName(span.key);
  return highlightName(span.group ?? 'default');
}

/** The reader's paragraphs, in text order. */
export interface ParagraphIndex {
  starts: number[];
  elements: HTMLElement[];
  /** The paragraph's text node (null for an empty paragraph). */
  nodes: Array<Text | null>;
}

interface PaintedSpan extends PaintSpan {
  range: Range;
  name: string;
}

/** What `paintHighlights` left on the page; pass it to the incremental functions. */
export interface PaintState {
  container: HTMLElement;
  index: ParagraphIndex;
  registry: HighlightRegistry;
  /** Highlight name → Highlight (only names this state registered). */
  highlights: Map<string, Highlight>;
  spans: Map<string, PaintedSpan>;
  activeId: string | null;
}

// ---------------------------------------------------------------- names and CSS

/** The highlight name for a colour key: `dossier-<key>` with anything not valid in a CSS identifier replaced. */
export function highlightName(group: string): string {
  return HIGHLIGHT_PREFIX + group.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * `::highlight()` rules for colour keys. Colours are CSS colours; they are
 * checked against a conservative pattern (hex, rgb()/hsl()/oklch() or a
 * name) so nothing else can reach the style sheet. `active` styles the
 * emphasised annotation.
 */
export function highlightCss(
  groups: ReadonlyArray<{ group: string; color: string; underline?: boolean }>,
  active: { color?: string; outline?: string } = {},
): string {
  const safe = (c: string) =>
    /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla|oklch|oklab)\([0-9.,%\s/+-]+\)|[a-zA-Z]+)$/.test(c.trim())
      ? c.trim()
      : 'transparent';
  const rules = groups.map(({ group, color, underline }) =>
    underline
      ? `::highlight(${highlightName(group)}) { text-decoration: underline 2px ${safe(color)}; }`
      : `::highlight(${highlightName(group)}) { background-color: color-mix(in srgb, ${safe(color)} 35%, transparent); }`,
  );
  rules.push(
    `::highlight(${ACTIVE_HIGHLIGHT}) { background-color: color-mix(in srgb, ${safe(active.color ?? '#ffb300')} 55%, transparent); text-decoration: underline 2px ${safe(active.outline ?? '#b26a00')}; }`,
  );
  return rules.join('\n');
}

// ---------------------------------------------------------------- offsets ↔ DOM

/** Reads the reader's paragraphs (`.para[data-start]`) in text order. */
export function indexParagraphs(container: HTMLElement): ParagraphIndex {
  const elements = Array.from(container.querySelectorAll<HTMLElement>('.para[data-start]'));
  const entries = elements.map((el) => ({ el, start: Number(el.dataset['start']) }));
  // Document order is text order; sort defensively (stable) in case of odd markup.
  let sorted = true;
  for (let i = 1; i < entries.length; i++) if (entries[i]!.start < entries[i - 1]!.start) sorted = false;
  if (!sorted) entries.sort((a, b) => a.start - b.start);
  return {
    starts: entries.map((e) => e.start),
    elements: entries.map((e) => e.el),
    nodes: entries.map((e) =>
      e.el.firstChild && e.el.firstChild.nodeType === Node.TEXT_NODE ? (e.el.firstChild as Text) : null,
    ),
  };
}

/** Index of the last paragraph whose start ≤ offset (−1 if none). */
function paragraphAt(index: ParagraphIndex, offset: number): number {
  const s = index.starts;
  let lo = 0;
  let hi = s.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function paragraphLength(index: ParagraphIndex, i: number): number {
  return index.nodes[i]?.length ?? 0;
}

/**
 * The DOM point for a text offset. An offset in an unrendered separator
 * moves to the next paragraph's start (`'start'`) or stays at the end of the
 * previous one (`'end'`).
 */
export function pointAt(
  index: ParagraphIndex,
  offset: number,
  side: 'start' | 'end',
): { node: Text; offset: number } | null {
  let i = paragraphAt(index, offset);
  if (i < 0) {
    if (side === 'end' || index.starts.length === 0) return null;
    i = 0;
    offset = index.starts[0]!;
  }
  let within = offset - index.starts[i]!;
  if (within > paragraphLength(index, i)) {
    if (side === 'start') {
      if (i + 1 >= index.starts.length) return null;
      i++;
      within = 0;
    } else within = paragraphLength(index, i);
  }
  // Skip empty paragraphs (no text node) forwards for a start, backwards for an end.
  while (!index.nodes[i]) {
    if (side === 'start') {
      i++;
      within = 0;
      if (i >= index.nodes.length) return null;
    } else {
      i--;
      if (i < 0) return null;
      within = paragraphLength(index, i);
    }
  }
  return { node: index.nodes[i]!, offset: within };
}

/** A DOM Range for text offsets [start, end), or null when nothing of it is rendered. */
export function rangeForOffsets(
  index: ParagraphIndex,
  start: number,
  end: number,
  doc: Document = document,
): Range | null {
  if (!(end > start)) return null;
  const a = pointAt(index, start, 'start');
  const b = pointAt(index, end, 'end');
  if (!a || !b) return null;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  if (range.collapsed) return null;
  return range;
}

/** The text offset of a DOM boundary point inside the container, or null when it is outside. */
function offsetOfPoint(
  index: ParagraphIndex,
  container: HTMLElement,
  node: Node,
  offset: number,
  side: 'start' | 'end',
): number | null {
  if (!container.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const para = node.parentElement?.closest<HTMLElement>('.para[data-start]');
    if (para && container.contains(para))
      return Number(para.dataset['start']) + Math.min(offset, (node as Text).length);
  }
  // An element boundary (or text outside the paragraphs): find the paragraph at or after it.
  const doc = node.ownerDocument ?? document;
  const probe = doc.createRange();
  probe.setStart(node, offset);
  const els = index.elements;
  let lo = 0;
  let hi = els.length; // first paragraph that starts at or after the point
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // comparePoint: −1 when the paragraph's start is before the probe point
    if (probe.comparePoint(els[mid]!, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (side === 'start') {
    // The point may be inside paragraph lo-1 (an element boundary within it): then it counts from there.
    if (lo > 0 && els[lo - 1]!.contains(node))
      return index.starts[lo - 1]! + (offset > 0 ? paragraphLength(index, lo - 1) : 0);
    return lo < els.length ? index.starts[lo]! : null;
  }
  if (lo > 0 && els[lo - 1]!.contains(node))
    return index.starts[lo - 1]! + (offset > 0 ? paragraphLength(index, lo - 1) : 0);
  return lo > 0 ? index.starts[lo - 1]! + paragraphLength(index, lo - 1) : null;
}

/**
 * The text offsets a selection covers inside the reader container, clipped
 * to it; null when nothing of the selection is in it (or it is collapsed).
 */
export function offsetsFromSelection(
  container: HTMLElement,
  selection: Selection | null,
  index: ParagraphIndex = indexParagraphs(container),
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const first = index.starts.length ? index.starts[0]! : 0;
  const lastI = index.starts.length - 1;
  const last = lastI >= 0 ? index.starts[lastI]! + paragraphLength(index, lastI) : 0;
  const startInside = container.contains(range.startContainer);
  const endInside = container.contains(range.endContainer);
  const start = startInside ? offsetOfPoint(index, container, range.startContainer, range.startOffset, 'start') : first;
  const end = endInside ? offsetOfPoint(index, container, range.endContainer, range.endOffset, 'end') : last;
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

// ---------------------------------------------------------------- painting

function registryOf(container: HTMLElement): HighlightRegistry | null {
  const view = container.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const css = view?.CSS;
  return css && 'highlights' in css ? css.highlights : null;
}

function HighlightCtor(container: HTMLElement): typeof Highlight {
  const view = container.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  return view?.Highlight ?? Highlight;
}

/** Whether this browser can paint highlights (the CSS Custom Highlight API). */
export function canPaintHighlights(container: HTMLElement): boolean {
  return registryOf(container) !== null;
}

/** Removes every highlight a state registered. */
export function clearHighlights(state: PaintState): void {
  for (const [name, hl] of state.highlights) {
    if (state.registry.get(name) === hl) state.registry.delete(name);
  }
  state.highlights.clear();
  state.spans.clear();
  state.activeId = null;
}

function highlightFor(state: PaintState, name: string, priority = 0): Highlight {
  let hl = state.highlights.get(name);
  if (!hl) {
    const Ctor = HighlightCtor(state.container);
    hl = new Ctor();
    hl.priority = priority;
    state.highlights.set(name, hl);
    state.registry.set(name, hl);
  }
  return hl;
}

/**
 * Paints all spans, replacing what `previous` painted. Ranges are grouped
 * into one Highlight per colour key; spans outside the rendered text are
 * skipped. Returns the state for the incremental functions.
 */
export function paintHighlights(
  container: HTMLElement,
  spans: readonly PaintSpan[],
  previous?: PaintState | null,
): PaintState {
  const registry = registryOf(container);
  if (!registry) throw new Error('This browser does not support the CSS Custom Highlight API (CSS.highlights).');
  if (previous) clearHighlights(previous);
  const state: PaintState = {
    container,
    index: indexParagraphs(container),
    registry,
    highlights: new Map(),
    spans: new Map(),
    activeId: null,
  };
  // Build each group's ranges first, then create every Highlight with all its ranges at once.
  const groups = new Map<string, Range[]>();
  const doc = container.ownerDocument;
  for (const span of spans) {
    const range = rangeForOffsets(state.index, span.start, span.end, doc);
    if (!range) continue;
    const name = nameOf(span);
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(range);
    state.spans.set(span.id, { ...span, range, name });
    if (span.active) state.activeId = span.id;
  }
  const Ctor = HighlightCtor(container);
  for (const [name, ranges] of groups) {
    const hl = new Ctor(...ranges);
    state.highlights.set(name, hl);
    registry.set(name, hl);
  }
  if (state.activeId) {
    const active = state.spans.get(state.activeId)!;
    const hl = new Ctor(active.range);
    hl.priority = 1;
    state.highlights.set(ACTIVE_HIGHLIGHT, hl);
    registry.set(ACTIVE_HIGHLIGHT, hl);
  }
  return state;
}

/** Adds (or replaces) one span without rebuilding the others. Returns false when it is outside the rendered text. */
export function addHighlight(state: PaintState, span: PaintSpan): boolean {
  removeHighlight(state, span.id);
  const range = rangeForOffsets(state.index, span.start, span.end, state.container.ownerDocument);
  if (!range) return false;
  const name = nameOf(span);
  highlightFor(state, name).add(range);
  state.spans.set(span.id, { ...span, range, name });
  if (span.active) setActiveHighlight(state, span.id);
  return true;
}

/** Removes one span. Returns whether it was painted. */
export function removeHighlight(state: PaintState, id: string): boolean {
  const painted = state.spans.get(id);
  if (!painted) return false;
  const hl = state.highlights.get(painted.name);
  hl?.delete(painted.range);
  if (hl && hl.size === 0) {
    state.highlights.delete(painted.name);
    if (state.registry.get(painted.name) === hl) state.registry.delete(painted.name);
  }
  state.spans.delete(id);
  if (state.activeId === id) setActiveHighlight(state, null);
  return true;
}

/** Emphasises one span (or none). */
export function setActiveHighlight(state: PaintState, id: string | null): void {
  const hl = highlightFor(state, ACTIVE_HIGHLIGHT, 1);
  hl.clear();
  state.activeId = null;
  const painted = id ? state.spans.get(id) : undefined;
  if (painted) {
    hl.add(painted.range);
    state.activeId = painted.id;
  }
}

/** The DOM Range a painted span covers (to scroll it into view: `range.getBoundingClientRect()` or its start node's element). */
export function paintedRange(state: PaintState, id: string): Range | null {
  return state.spans.get(id)?.range ?? null;
}

/** Scrolls the reader so that a painted span is visible. */
export function scrollToHighlight(
  state: PaintState,
  id: string,
  options: ScrollIntoViewOptions = { block: 'center', behavior: 'smooth' },
): boolean {
  const range = paintedRange(state, id);
  if (!range) return false;
  const el = range.startContainer.parentElement;
  el?.scrollIntoView(options);
  return Boolean(el);
}

// ---------------------------------------------------------------- hit testing

/** The text offset under a viewport point, or null when the point is not over the reader's text. */
export function offsetAtPoint(
  container: HTMLElement,
  clientX: number,
  clientY: number,
  index: ParagraphIndex = indexParagraphs(container),
): number | null {
  const doc = container.ownerDocument;
  let node: Node | null = null;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(clientX, clientY);
    if (pos) {
      node = pos.offsetNode;
      offset = pos.offset;
    }
  } else {
    const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null })
      .caretRangeFromPoint;
    const r = legacy?.call(doc, clientX, clientY);
    if (r) {
      node = r.startContainer;
      offset = r.startOffset;
    }
  }
  if (!node || node.nodeType !== Node.TEXT_NODE || !container.contains(node)) return null;
  const text = node as Text;
  // The caret lands between characters; the character under the pointer is the one
  // whose box contains the point (the one after the caret, or the one before it).
  const probe = doc.createRange();
  for (const at of [offset, offset - 1]) {
    if (at < 0 || at >= text.length) continue;
    probe.setStart(text, at);
    probe.setEnd(text, at + 1);
    for (const rect of Array.from(probe.getClientRects())) {
      if (clientX >= rect.left && clientX <= rect.right && clientY >= rect.top && clientY <= rect.bottom) {
        const start = offsetOfPoint(index, container, text, at, 'start');
        return start;
      }
    }
  }
  return null;
}

/**
 * Which painted annotations are under a viewport point (for clicking a
 * highlight): the ids whose [start, end) contains the character there,
 * innermost (shortest) first.
 */
export function annotationIdsAt(
  container: HTMLElement,
  clientX: number,
  clientY: number,
  painted: PaintState | readonly PaintSpan[],
): string[] {
  const spans: Iterable<PaintSpan> = Array.isArray(painted)
    ? (painted as readonly PaintSpan[])
    : (painted as PaintState).spans.values();
  const index = Array.isArray(painted) ? indexParagraphs(container) : (painted as PaintState).index;
  const at = offsetAtPoint(container, clientX, clientY, index);
  if (at === null) return [];
  const hits: PaintSpan[] = [];
  for (const s of spans) if (s.start <= at && at < s.end) hits.push(s);
  hits.sort((a, b) => a.end - a.start - (b.end - b.start));
  return hits.map((s) => s.id);
}
