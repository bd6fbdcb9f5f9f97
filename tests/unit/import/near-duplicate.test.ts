import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../main/services/import/extract';
import {
  estimateSimilarity,
  findNearDuplicate,
  isNearDuplicate,
  minhashSignature,
  SIGNATURE_SIZE,
} from '../../../main/services/import/near-duplicate';
import { ARTICLES } from '../../fixtures/articles/corpus';

const files = path.resolve(__dirname, '../../fixtures/articles/files');
const read = async (name: string) =>
  (await extractDocument({ name, bytes: new Uint8Array(readFileSync(path.join(files, name))) })).text;

describe('MinHash near-duplicates', () => {
  it('signatures are deterministic and of fixed size', () => {
    const text = ARTICLES[0]!.paragraphs.join('\n\n');
    const a = minhashSignature(text);
    expect(a).toHaveLength(SIGNATURE_SIZE);
    expect(Array.from(minhashSignature(text))).toEqual(Array.from(a));
    expect(estimateSimilarity(a, a)).toBe(1);
  });

  it('flags the same article saved from two sites with different boilerplate (≥ 0.9)', async () => {
    for (const a of ARTICLES) {
      const fromPage = await read(`${a.id}.html`);
      const fromCopy = await read(`${a.id}.txt`);
      expect(isNearDuplicate(minhashSignature(fromPage), minhashSignature(fromCopy)), a.id).toBe(true);
    }
  });

  it('flags a syndicated copy with a changed sentence, but not a different article', () => {
    const base = ARTICLES[0]!.paragraphs;
    const edited = [...base];
    edited[6] = 'The transport secretary said the government was watching the dispute closely.';
    const sigBase = minhashSignature(base.join('\n\n'));
    const sigEdited = minhashSignature(edited.join('\n\n'));
    const sim = estimateSimilarity(sigBase, sigEdited);
    expect(sim).toBeGreaterThanOrEqual(0.8);
    expect(sim).toBeLessThan(1);
    for (const other of ARTICLES.slice(1))
      expect(estimateSimilarity(sigBase, minhashSignature(other.paragraphs.join('\n\n')))).toBeLessThan(0.2);
  });

  it('the estimate tracks the true Jaccard similarity of the shingle sets', () => {
    // Two texts sharing the first half of their (distinct) words: Jaccard of 4-word shingles is computable by hand.
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const a = words.slice(0, 300).join(' ');
    const b = words.slice(100, 400).join(' ');
    // shingles: a has 297, b has 297, shared 197 → J = 197 / 397 ≈ 0.496
    const est = estimateSimilarity(minhashSignature(a), minhashSignature(b));
    expect(est).toBeGreaterThan(0.35);
    expect(est).toBeLessThan(0.65);
  });

  it('picks the best twin above the threshold, and nothing for empty text', () => {
    const sigs = ARTICLES.map((a) => ({ item: a.id, signature: minhashSignature(a.paragraphs.join(' ')) }));
    const probe = minhashSignature(`${ARTICLES[1]!.paragraphs.join(' ')} Läs mer på nordbladet.`);
    expect(findNearDuplicate(probe, sigs)?.item).toBe(ARTICLES[1]!.id);
    expect(estimateSimilarity(minhashSignature(''), minhashSignature(''))).toBe(0);
    expect(
      findNearDuplicate(minhashSignature('completely unrelated short text about gardening tools'), sigs),
    ).toBeUndefined();
  });
});
