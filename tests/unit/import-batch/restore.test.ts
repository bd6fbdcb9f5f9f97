import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { paragraphSpans, removeParagraphFrom, restoreBlock } from '../../../main/services/sources/text-edit';
import { describeTarget } from '../../../shared/anchoring';
import type { Annotation, RemovedBlock } from '../../../shared/model';
import { tempDir } from '../../helpers/temp-dir';
import { LIGHTHOUSE_ORIGINAL, utf8 } from './articles';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function withLighthouse(): Promise<{ s: NotebookSession; id: string }> {
  const t = await tempDir();
  const s = await openNotebookSession(path.join(t.dir, 'restore.dossier'));
  cleanups.push(t.cleanup, () => s.close());
  const { added } = await s.service.importFiles({ files: [{ name: 'herald.txt', bytes: utf8(LIGHTHOUSE_ORIGINAL) }] });
  return { s, id: added[0]!.id };
}

describe('restoreRemoved (through the API)', () => {
  it('puts the caption back at its place, shifts the annotations after it, keeps those before, and undoes in one step', async () => {
    const { s, id } = await withLighthouse();
    const { source } = await s.service.getSource({ id });
    const captionIndex = source.removed.findIndex((b) => b.reason === 'caption');
    expect(captionIndex).toBeGreaterThanOrEqual(0);
    const caption = source.removed[captionIndex]!;
    expect(caption.beforeParagraph).toBe(0);

    const quote = (q: string) => ({ start: source.text.indexOf(q), end: source.text.indexOf(q) + q.length });
    const later = await s.service.createAnnotation({
      sourceId: id,
      kind: 'claim',
      ...quote('The trust has raised £340,000 for repairs'),
      tagIds: [],
      actors: [],
    });
    const first = await s.service.createAnnotation({
      sourceId: id,
      kind: 'highlight',
      ...quote('For the first time since 1985'),
      tagIds: [],
      actors: [],
    });

    const restored = await s.service.restoreRemoved({ sourceId: id, index: captionIndex });
    const text = restored.source.text;
    expect(text.slice(restored.start, restored.end)).toBe(caption.text);
    expect(text.startsWith(`${caption.text}\n\nFor the first time`)).toBe(true);
    expect(paragraphSpans(text)).toHaveLength(paragraphSpans(source.text).length + 1);
    expect(restored.source.removed).toHaveLength(source.removed.length - 1);
    expect(restored.source.removed.some((b) => b.text === caption.text)).toBe(false);

    const delta = caption.text.length + 2;
    for (const [before, expected] of [
      [later, later.target.start + delta],
      [first, first.target.start + delta],
    ] as const) {
      const now = restored.annotations.find((a) => a.id === before.id)!;
      expect(now.target.start).toBe(expected);
      expect(text.slice(now.target.start, now.target.end)).toBe(before.target.exact);
      // The quote context is recomputed where it changed: the first paragraph's prefix now ends the caption.
      expect(now.target).toEqual(describeTarget(text, now.target.start, now.target.end));
    }
    expect(restored.annotations.find((a) => a.id === first.id)!.target.prefix).not.toBe(first.target.prefix);

    const step = await s.service.undo({});
    expect(step.label).toMatch(/^Restore removed text/);
    const back = await s.service.getSource({ id });
    expect(back.source.text).toBe(source.text);
    expect(back.source.removed).toEqual(source.removed);
    expect(back.annotations.find((a) => a.id === later.id)!.target).toEqual(later.target);
  });

  it('restores blocks from the end of the article after the last paragraph, in document order', async () => {
    const { s, id } = await withLighthouse();
    const { source } = await s.service.getSource({ id });
    const related = source.removed.filter((b) => b.reason === 'related links');
    expect(related.length).toBeGreaterThanOrEqual(2);
    // Restore the second related line first, then the first: they end up in their original order.
    const second = source.removed.indexOf(related[1]!);
    await s.service.restoreRemoved({ sourceId: id, index: second });
    const now = (await s.service.getSource({ id })).source;
    const firstIdx = now.removed.findIndex((b) => b.text === related[0]!.text);
    const done = await s.service.restoreRemoved({ sourceId: id, index: firstIdx });
    const t = done.source.text;
    expect(t.indexOf(related[0]!.text)).toBeGreaterThan(0);
    expect(t.indexOf(related[0]!.text)).toBeLessThan(t.indexOf(related[1]!.text));
    expect(t.indexOf('Applications for the keeper posts')).toBeLessThan(t.indexOf(related[0]!.text));
  });

  it('rejects an index that does not exist', async () => {
    const { s, id } = await withLighthouse();
    await expect(s.service.restoreRemoved({ sourceId: id, index: 99 })).rejects.toThrow(/no removed block number 99/);
  });
});

describe('removeParagraph (through the API)', () => {
  it('refuses when an annotation falls inside the paragraph, and otherwise round-trips with restore', async () => {
    const { s, id } = await withLighthouse();
    const { source } = await s.service.getSource({ id });
    const spans = paragraphSpans(source.text);
    const p2 = spans[2]!;
    const a = await s.service.createAnnotation({
      sourceId: id,
      kind: 'claim',
      start: p2.start + 4,
      end: p2.start + 20,
      tagIds: [],
      actors: [],
    });
    await expect(
      s.service.removeParagraph({ sourceId: id, paragraphIndex: 2, reason: 'removed by hand' }),
    ).rejects.toThrow(/holds 1 annotation/);

    const p4 = spans[4]!;
    const removedText = source.text.slice(p4.start, p4.end);
    const later = await s.service.createAnnotation({
      sourceId: id,
      kind: 'claim',
      start: spans[5]!.start,
      end: spans[5]!.start + 30,
      tagIds: [],
      actors: [],
    });
    const cut = await s.service.removeParagraph({ sourceId: id, paragraphIndex: 4, reason: 'removed by hand' });
    expect(cut.source.text.includes(removedText)).toBe(false);
    const block = cut.source.removed.find((b) => b.reason === 'removed by hand')!;
    expect(block).toEqual({ text: removedText, reason: 'removed by hand', beforeParagraph: 4 });
    const moved = cut.annotations.find((x) => x.id === later.id)!;
    expect(cut.source.text.slice(moved.target.start, moved.target.end)).toBe(later.target.exact);
    expect(cut.annotations.find((x) => x.id === a.id)!.target).toEqual(a.target);

    const back = await s.service.restoreRemoved({ sourceId: id, index: cut.source.removed.indexOf(block) });
    expect(back.source.text).toBe(source.text);
    expect(back.source.removed).toEqual(source.removed);
    expect(back.annotations.find((x) => x.id === later.id)!.target).toEqual(later.target);
  });
});

// ---------------------------------------------------------------- property: annotations stay on their text

const word = fc.stringMatching(/^[A-Za-zÅÄÖåäöß]{1,9}$/);
const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));

function annotation(id: string, text: string, start: number, end: number): Annotation {
  const now = '2025-01-01T00:00:00.000Z';
  return {
    id,
    sourceId: 'src',
    kind: 'highlight',
    target: describeTarget(text, start, end),
    tagIds: [],
    status: 'unverified',
    actors: [],
    createdAt: now,
    updatedAt: now,
  };
}

const scenario = fc
  .record({
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 8 }),
    blocks: fc.array(fc.record({ text: paragraph, where: fc.option(fc.nat(9), { nil: undefined }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    ranges: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
      maxLength: 6,
    }),
    pick: fc.nat(),
  })
  .map(({ paragraphs, blocks, ranges, pick }) => {
    const text = paragraphs.join('\n\n');
    const removed: RemovedBlock[] = blocks
      .map((b) => ({
        text: b.text,
        reason: 'navigation',
        ...(b.where === undefined ? {} : { beforeParagraph: b.where }),
      }))
      .sort((x, y) => (x.beforeParagraph ?? 99) - (y.beforeParagraph ?? 99));
    const annotations = ranges
      .map(([x, y], i) => {
        let start = Math.floor(Math.min(x, y) * text.length);
        let end = Math.ceil(Math.max(x, y) * text.length);
        if (end <= start) end = start + 1;
        if (end > text.length) [start, end] = [text.length - 1, text.length];
        return annotation(`ann${i}`, text, start, end);
      })
      .filter((a) => a.target.exact.trim().length > 0);
    return { text, removed, annotations, index: pick % removed.length };
  });

describe('restoreBlock (property)', () => {
  it('every annotation not spanning the insertion point keeps its exact text at its new offsets; spanning ones grow to cover the block', () => {
    fc.assert(
      fc.property(scenario, ({ text, removed, annotations, index }) => {
        const edit = restoreBlock(text, removed, annotations, index);
        const block = removed[index]!;
        expect(edit.text.slice(edit.start, edit.end)).toBe(block.text);
        expect(edit.text.length).toBe(text.length + block.text.length + (text.length ? 2 : 0));
        expect(edit.removed).toHaveLength(removed.length - 1);
        for (const a of annotations) {
          const target = edit.targets.get(a.id) ?? a.target;
          // Whatever happened, the stored quote selector describes the new text exactly.
          expect(target).toEqual(describeTarget(edit.text, target.start, target.end));
          const spans = a.target.start < edit.start && a.target.end > edit.start;
          if (!spans) expect(target.exact).toBe(a.target.exact);
          else expect(target.exact).toContain(block.text);
        }
        // Removing the restored paragraph again gives back the original text.
        const k = paragraphSpans(edit.text).findIndex((p) => p.start === edit.start);
        if (k >= 0 && paragraphSpans(edit.text).length > 1) {
          const undone = removeParagraphFrom(edit.text, edit.removed, [], k, block.reason);
          expect(undone.text).toBe(text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
