/**
 * Fuzzing every extractor with malformed input (fast-check): random bytes
 * under every extension, truncated and corrupted PDFs and Word files, huge
 * lines, deeply nested HTML, invalid UTF-8, random pasted HTML. Each case must
 * end in a document or an ImportRejection — never another exception — and
 * within a time bound.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument, ImportRejection, type ImportInput } from '../../../main/services/import/extract';

const files = path.resolve(__dirname, '../../fixtures/articles/files');
const pdf = new Uint8Array(readFileSync(path.join(files, 'en-harbour-strike.pdf')));
const docx = new Uint8Array(readFileSync(path.join(files, 'sv-farjelinjen.docx')));
const html = readFileSync(path.join(files, 'de-wasserstoff.html'), 'utf8');

const CASE_LIMIT_MS = 8_000;
const EXTENSIONS = ['txt', 'md', 'html', 'htm', 'pdf', 'docx', '', 'markdown'];

/** Runs one case: it must resolve to a document or reject with ImportRejection, within the limit. */
async function check(input: ImportInput): Promise<void> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    extractDocument(input, { timeoutMs: CASE_LIMIT_MS - 1000 }).then(
      (doc) => ({ kind: 'doc' as const, doc }),
      (err: unknown) => ({ kind: 'error' as const, err }),
    ),
    new Promise<{ kind: 'hang' }>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'hang' }), CASE_LIMIT_MS);
    }),
  ]);
  clearTimeout(timer);
  expect(outcome.kind, `${input.name}: hung`).not.toBe('hang');
  expect(performance.now() - started, `${input.name}: too slow`).toBeLessThan(CASE_LIMIT_MS);
  if (outcome.kind === 'error') {
    if (!(outcome.err instanceof ImportRejection))
      throw new Error(`${input.name}: threw ${String((outcome.err as Error)?.stack ?? outcome.err)}`);
    expect(outcome.err.reason.length).toBeGreaterThan(5);
  } else if (outcome.kind === 'doc') {
    expect(typeof outcome.doc.text).toBe('string');
    expect(outcome.doc.text.trim().length).toBeGreaterThan(0);
    expect(outcome.doc.language).toMatch(/^([a-z]{2}|und)$/);
  }
}

const ext = fc.constantFrom(...EXTENSIONS);

describe('fuzz: malformed input never crashes or hangs an extractor', () => {
  it('random bytes under every extension', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), ext, async (bytes, e) =>
        check({ name: `random.${e}`, bytes }),
      ),
      { numRuns: 80 },
    );
  });

  it('truncated and corrupted PDFs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: pdf.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        async (cut, flips) => {
          const bytes = pdf.slice(0, cut);
          for (const [at, v] of flips) bytes[at % bytes.length] = v;
          await check({ name: 'broken.pdf', bytes });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('truncated and corrupted Word files (zip)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: docx.length }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        async (cut, flips) => {
          const bytes = docx.slice(0, cut);
          for (const [at, v] of flips) bytes[at % bytes.length] = v;
          await check({ name: 'broken.docx', bytes });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('huge lines and huge paragraphs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10_000, max: 200_000 }),
        fc.constantFrom('txt', 'md', 'html'),
        fc.string({ minLength: 1, maxLength: 12 }),
        async (n, e, unit) => {
          const line = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
          await check({ name: `huge.${e}`, bytes: new TextEncoder().encode(e === 'html' ? `<p>${line}</p>` : line) });
        },
      ),
      { numRuns: 10 },
    );
  });

  it('deeply nested and unbalanced HTML', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 20_000 }),
        fc.constantFrom('div', 'span', 'section', 'table', 'ul', 'b', 'a'),
        fc.boolean(),
        async (depth, tag, close) => {
          const body = `${`<${tag}>`.repeat(depth)}Text at the bottom of a very deep page, written as a sentence.${close ? `</${tag}>`.repeat(depth) : ''}`;
          await check({ name: 'deep.html', bytes: new TextEncoder().encode(body) });
        },
      ),
      { numRuns: 10 },
    );
  });

  it('invalid UTF-8 mixed into text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.uint8Array({ minLength: 1, maxLength: 4 }).map((b) => b.map((x) => 0x80 | x)),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        ext,
        async (parts, e) => {
          const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
          const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
          let o = 0;
          for (const c of chunks) {
            bytes.set(c, o);
            o += c.length;
          }
          if (bytes.length === 0) return;
          await check({ name: `mixed.${e}`, bytes });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('random pasted HTML and mangled saved pages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), fc.integer({ min: 0, max: html.length }), async (junk, cut) => {
        await check({ name: 'pasted', bytes: new TextEncoder().encode(junk), html: html.slice(0, cut) + junk });
      }),
      { numRuns: 30 },
    );
  });
});
