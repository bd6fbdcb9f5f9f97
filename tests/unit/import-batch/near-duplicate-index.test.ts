/**
 * The persisted MinHash/LSH near-duplicate index: it finds what comparing
 * with every source finds, an import reads no source once it exists (in this
 * session or the next), and a damaged file is rebuilt.
 */
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { importItems } from '../../../main/services/import/import-batch';
import {
  NEAR_DUPLICATE_FILE,
  NearDuplicateIndex,
  SignatureIndex,
  decodeIndexFile,
  nearDuplicateIndex,
} from '../../../main/services/import/near-duplicate-index';
import { findNearDuplicate, minhashSignature } from '../../../main/services/import/near-duplicate';
import { signaturesOfSourceFiles } from '../../../main/services/import/source-signature';
import type { ExtractedDocument, ImportInput } from '../../../main/services/import/extract/types';
import { CACHE_DIR, NotebookStore } from '../../../main/services/store/notebook-store';
import { fictionalText, mulberry32, writeSyntheticNotebook } from '../../../bench/lib/synthetic-notebook';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** `text` with `changes` words replaced by others (seeded): each change breaks up to four shingles. */
function mutate(text: string, changes: number, rand: () => number): string {
  const words = text.split(' ');
  for (let c = 0; c < changes; c++) {
    const at = Math.floor(rand() * words.length);
    words[at] = `changed${Math.floor(rand() * 1e6)}`;
  }
  return words.join(' ');
}

describe('LSH over MinHash signatures', () => {
  it('finds the same near-duplicates as comparing with every signature (planted copies around the threshold)', () => {
    const rand = mulberry32(11);
    const texts = new Map<string, string>();
    const index = new SignatureIndex();
    const all: Array<{ item: string; signature: Uint32Array }> = [];
    let planted = 0;
    let exhaustiveHits = 0;
    let sameHits = 0;
    let candidates = 0;
    for (let n = 0; n < 900; n++) {
      // Two in three are new articles, one in three a copy of an earlier one with 0–16 words changed.
      const copyOf = n > 10 && n % 3 === 0 ? all[Math.floor(rand() * all.length)] : undefined;
      const text = copyOf ? mutate(texts.get(copyOf.item)!, Math.floor(rand() * 17), rand) : fictionalText(rand, 8);
      if (copyOf) planted++;
      const signature = minhashSignature(text);
      const exhaustive = findNearDuplicate(signature, all);
      const indexed = index.find(signature);
      candidates += index.candidates(signature).length;
      if (exhaustive) {
        exhaustiveHits++;
        if (indexed?.item === exhaustive.item && indexed.similarity === exhaustive.similarity) sameHits++;
      } else {
        expect(indexed).toBeUndefined();
      }
      const item = `src_${n}`;
      texts.set(item, text);
      all.push({ item, signature });
      index.set(item, signature);
    }
    // The set straddles the threshold: many copies are near-duplicates, many are not.
    expect(planted).toBeGreaterThan(250);
    expect(exhaustiveHits).toBeGreaterThan(60);
    expect(exhaustiveHits).toBeLessThan(planted - 30);
    expect(sameHits / exhaustiveHits).toBeGreaterThanOrEqual(0.99);
    // And it compares with few candidates, not with everything (900 × 450 on average without it).
    expect(candidates / 900).toBeLessThan(5);
  });
});

describe('SignatureIndex', () => {
  it('forgets a deleted signature, finds a replaced one by its new value only, and never offers an empty text', () => {
    const rand = mulberry32(5);
    const [a, b, c] = [fictionalText(rand, 8), fictionalText(rand, 8), fictionalText(rand, 8)];
    const index = new SignatureIndex();
    index.set('x', minhashSignature(a));
    index.set('y', minhashSignature(b));
    index.set('empty', minhashSignature(''));
    expect(index.find(minhashSignature(a))).toEqual({ item: 'x', similarity: 1 });
    expect(index.candidates(minhashSignature(''))).toEqual([]);
    // Replaced: x now holds c's signature (it comes after y in the order of addition).
    index.set('x', minhashSignature(c));
    expect(index.find(minhashSignature(a))).toBeUndefined();
    expect(index.find(minhashSignature(c))).toEqual({ item: 'x', similarity: 1 });
    index.set('z', minhashSignature(b));
    expect(index.candidates(minhashSignature(b))).toEqual(['y', 'z']);
    index.delete('y');
    expect(index.find(minhashSignature(b))).toEqual({ item: 'z', similarity: 1 });
    expect(index.size).toBe(3);
    expect(new Map(index.entries()).get('x')).toEqual(minhashSignature(c));
    // Past the room first made for it: 3000 more, each still found.
    const more = Array.from({ length: 3000 }, () => minhashSignature(fictionalText(rand, 2)));
    more.forEach((signature, i) => index.set(`m${i}`, signature));
    expect(more.every((signature, i) => index.find(signature)?.item === `m${i}`)).toBe(true);
  });
});

const fakeExtractor = {
  extract: async (input: ImportInput): Promise<ExtractedDocument> => {
    const text = new TextDecoder().decode(input.bytes);
    return { title: input.name, language: 'en', text, removed: [], format: 'txt' };
  },
};

async function notebook(sources: number): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const dir = path.join(t.dir, 'dups.dossier');
  await writeSyntheticNotebook(dir, sources, 1, 5);
  return dir;
}

/** A store with an index whose reader counts the source files it reads. */
async function openCounting(
  dir: string,
): Promise<{ store: NotebookStore; index: NearDuplicateIndex; read: string[]; close: () => Promise<void> }> {
  const store = await NotebookStore.open(dir);
  const read: string[] = [];
  const index = nearDuplicateIndex(store, {
    reader: (files) => {
      read.push(...files);
      return signaturesOfSourceFiles(files);
    },
  });
  const close = async () => {
    await index.close();
    await store.close();
  };
  cleanups.push(close);
  return { store, index, read, close };
}

const tx = (store: NotebookStore) => ({
  addSource: async (data: Parameters<NotebookStore['addSource']>[0]) => ({
    manifestSaved: (await store.addSource(data)).manifestSaved,
  }),
});

const SOURCES = 300;

describe('the persisted near-duplicate index', () => {
  it('is built once, then an import in a new session reads no source and still finds the twin', async () => {
    const dir = await notebook(SOURCES);
    const first = await openCounting(dir);
    await first.index.ready();
    expect(new Set(first.read).size).toBe(SOURCES);
    await first.close();
    const file = path.join(dir, CACHE_DIR, NEAR_DUPLICATE_FILE);
    const bytes = await readFile(file);
    const records = decodeIndexFile(bytes)?.records;
    expect(records).toHaveLength(SOURCES);
    // Bytes that do not start on a four-byte boundary (a slice of a larger buffer) decode alike.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeIndexFile(shifted.subarray(1))?.records).toEqual(records);
    // A record whose checksum holds but whose id is not one Dossier writes is not ours: the file is refused.
    // (The format: a 16-byte header, then records of a length byte, the id zero-padded to 64 bytes, the signature, a CRC.)
    const [HEADER, RECORD] = [16, 64 + 128 * 4 + 4];
    for (const [at, value] of [
      [1, '/'.charCodeAt(0)],
      [0, 0],
      [0, 64],
      [60, 1],
    ] as const) {
      const forged = Buffer.from(bytes);
      forged[HEADER + at] = value;
      forged.writeUInt32LE(crc32(forged.subarray(HEADER, HEADER + RECORD - 4)), HEADER + RECORD - 4);
      expect(decodeIndexFile(forged)).toBeNull();
    }

    const second = await openCounting(dir);
    const twinText = (await second.store.loadSource('src_00002s')).source.text;
    const readsBefore = second.store.sourceFilesRead;
    const result = await importItems(
      second.store,
      tx(second.store),
      [
        { name: 'copy.txt', bytes: new TextEncoder().encode(`${twinText}\n\nReprinted by permission.`) },
        { name: 'other.txt', bytes: new TextEncoder().encode(fictionalText(mulberry32(99), 8)) },
      ],
      { extractor: fakeExtractor },
    );
    expect(result.added.map((s) => s.nearDuplicateOf)).toEqual(['src_00002s', undefined]);
    // Not one source file was read for it: neither through the store nor by the signature reader.
    expect(second.read).toEqual([]);
    expect(second.store.sourceFilesRead).toBe(readsBefore);
    await second.close();
    // The new sources' signatures were appended, not the file rewritten.
    expect(decodeIndexFile(await readFile(file))?.records).toHaveLength(SOURCES + 2);
  });

  it('rebuilds a damaged file, keeps the whole records of a torn one, and refuses one too large to be ours', async () => {
    const dir = await notebook(SOURCES);
    const file = path.join(dir, CACHE_DIR, NEAR_DUPLICATE_FILE);
    const built = await openCounting(dir);
    await built.index.ready();
    await built.close();
    const good = await readFile(file);

    // A flipped byte in a signature: its checksum fails, the whole file is discarded and rebuilt.
    const bad = Buffer.from(good);
    bad.writeUInt8(bad.readUInt8(bad.length - 300) ^ 0xff, bad.length - 300);
    await writeFile(file, bad);
    const corrupt = await openCounting(dir);
    await corrupt.index.ready();
    expect(new Set(corrupt.read).size).toBe(SOURCES);
    await corrupt.close();
    expect((await readFile(file)).equals(good)).toBe(true);

    // A crash mid-append: the torn tail is dropped, nothing is read again, the file is written whole.
    await appendFile(file, Buffer.alloc(100, 7));
    const torn = await openCounting(dir);
    await torn.index.ready();
    expect(torn.read).toEqual([]);
    expect(torn.index.size).toBe(SOURCES);
    await torn.close();
    expect((await stat(file)).size).toBe(good.length);

    // Some other file under that name, or one far larger than this notebook explains: rebuilt.
    await writeFile(file, Buffer.concat([Buffer.from('not an index at all'), good]));
    const foreign = await openCounting(dir);
    await foreign.index.ready();
    expect(new Set(foreign.read).size).toBe(SOURCES);
    await foreign.close();
    // Valid records, but twenty times as many as the sources: past the cap, not even decoded.
    const records = good.subarray(16);
    await writeFile(file, Buffer.concat([good, ...Array.from({ length: 20 }, () => records)]));
    const huge = await openCounting(dir);
    await huge.index.ready();
    expect(new Set(huge.read).size).toBe(SOURCES);
    await huge.close();
    expect((await readFile(file)).equals(good)).toBe(true);
  });

  it('recomputes the signature of a source whose text changed (and of its undo), only that one', async () => {
    const dir = await notebook(40);
    const { store, index, read } = await openCounting(dir);
    await index.ready();
    read.length = 0;
    const change = await store.updateSource('src_000001', (f) => void (f.source.text = `${f.source.text} More.`));
    await index.ready();
    expect(read).toEqual([store.sourceFilePath('src_000001')]);
    await store.applyChange(change, 'undo');
    await store.updateSource('src_000002', (f) => void (f.source.title = 'Only the title'));
    await index.ready();
    expect(read).toEqual([store.sourceFilePath('src_000001'), store.sourceFilePath('src_000001')]);
  });
});
