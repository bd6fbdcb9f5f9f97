/**
 * Store files written in pieces (jsonChunks): the text is exactly what
 * JSON.stringify gives — a notebook's files must not change by a byte when
 * written this way — and no piece is much larger than asked, however large
 * the document (a manifest holding a brief of thousands of claims).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtomicJsonFile } from '../../../main/services/store/atomic-json-file';
import { jsonChunks } from '../../../main/services/store/json-chunks';
import { tempDir } from '../../helpers/temp-dir';

const joined = (value: unknown, indent: number, chunk?: number) => [...jsonChunks(value, indent, chunk)].join('');

describe('jsonChunks', () => {
  it('gives exactly what JSON.stringify gives, indented or not, whatever the chunk size', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(0, 1, 2),
        fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant(1 << 16)),
        (value, indent, chunk) => {
          expect(joined(value, indent, chunk)).toBe(JSON.stringify(value, null, indent));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("follows JSON.stringify's rules for values JSON has no word for", () => {
    const value = {
      at: new Date(Date.UTC(2026, 0, 2)),
      gone: undefined,
      fn: () => 1,
      sym: Symbol('s'),
      list: [undefined, () => 1, Symbol('t'), NaN, Infinity, -0],
      boxed: [new String('s'), new Number(2), new Boolean(false)],
      own: { toJSON: (key: string) => `key ${key}` },
      empty: { nothing: undefined },
      nested: { a: [], b: {} },
      text: 'quote “curly” and \u2028 and "plain" \\ \n',
    };
    for (const indent of [0, 1, 4]) expect(joined(value, indent, 8)).toBe(JSON.stringify(value, null, indent));
    expect([...jsonChunks(undefined, 1)]).toEqual([]);
  });

  it('writes small array items as JSON.stringify does at their depth, toJSON included', () => {
    // What a toJSON returns is written as it is: a toJSON of its own is not called again.
    const twice = { toJSON: () => ({ toJSON: () => 'not called', kept: 1 }) };
    const items = [
      {
        id: 'src_1',
        origin: { kind: 'file', name: 'a “b”.txt' },
        tags: ['x', 'y'],
        at: new Date(Date.UTC(2026, 0, 2)),
      },
      { toJSON: (key: string) => ({ key, at: new Date(Date.UTC(2026, 0, 3)) }) },
      twice,
      [[], {}, [1, [2, { three: 3 }]], new String('boxed')],
      { nothing: undefined, fn: () => 1, list: [undefined, NaN] },
    ];
    const manifest = { title: 'T', sources: items, deeper: { level: [{ list: items }] } };
    for (const indent of [0, 1, 2])
      for (const chunk of [1, 50, 1 << 16])
        expect(joined(manifest, indent, chunk)).toBe(JSON.stringify(manifest, null, indent));
  });

  it('refuses a cycle, as JSON.stringify does', () => {
    const a: Record<string, unknown> = { b: [1] };
    (a.b as unknown[]).push(a);
    expect(() => joined(a, 1)).toThrow(TypeError);
    // the same object twice, side by side, is no cycle
    const shared = { x: 1 };
    expect(joined([shared, { y: shared }], 1)).toBe(JSON.stringify([shared, { y: shared }], null, 1));
  });

  it('hands a large document out in bounded pieces', () => {
    const doc = {
      content: Array.from({ length: 5000 }, (_, i) => ({
        type: 'blockquote',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `“Claim ${i}” ${'word '.repeat(20)}` }] }],
      })),
    };
    const pieces = [...jsonChunks(doc, 1, 4096)];
    expect(pieces.join('')).toBe(JSON.stringify(doc, null, 1));
    expect(pieces.length).toBeGreaterThan(100);
    // a piece ends after the value that took it past the size: never more than one leaf over
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(4096 + 256);
  });

  it('walks into a large array item rather than writing it in one piece (a brief of thousands of claims)', () => {
    const claims = Array.from({ length: 5000 }, (_, i) => ({ id: `clm_${i}`, text: `Claim ${i}` }));
    const manifest = { briefs: [{ id: 'brf_1', claims }], long: [{ text: 'x'.repeat(3000), more: 'y'.repeat(3000) }] };
    const pieces = [...jsonChunks(manifest, 1, 4096)];
    expect(pieces.join('')).toBe(JSON.stringify(manifest, null, 1));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(4096 + 3100);
    expect(pieces.length).toBeGreaterThan(30);
  });
});

describe('AtomicJsonFile.write', () => {
  it('writes the file JSON.stringify(data, null, 1) and a newline would, across many pieces', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const file = path.join(dir, 'notebook.json');
      const data = {
        title: 'Ö “quoted”',
        briefs: Array.from({ length: 3000 }, (_, i) => ({ id: `brf_${i}`, doc: { text: 'å'.repeat(i % 50) } })),
      };
      await new AtomicJsonFile(file).write(data);
      expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify(data, null, 1)}\n`);
      expect(await new AtomicJsonFile(file).read()).toEqual(data);
    } finally {
      await cleanup();
    }
  });
});
