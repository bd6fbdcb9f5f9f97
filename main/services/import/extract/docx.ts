/**
 * Word (.docx) → blocks with mammoth. Before mammoth sees the file, the zip's
 * central directory is read and the declared uncompressed sizes are checked,
 * so an honest zip bomb is rejected without being expanded; then each entry is
 * inflated with its declared size as a hard output limit, so one that lies
 * about its size is stopped there (memory never exceeds the declared total).
 */
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import type { Block } from './boilerplate';
import { fragmentBlocks } from './html';
import { ImportRejection } from './types';

/** Largest total uncompressed size of a .docx accepted (all entries together). */
export const DOCX_MAX_UNCOMPRESSED = 200 * 1024 * 1024;
/** Largest compression ratio of one entry above 1 MB before it is treated as a bomb. */
const MAX_RATIO = 200;

interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** Compression method (0 stored, 8 deflate) and where the entry's local header starts. */
  method?: number;
  offset?: number;
}

/** Reads the central directory of a zip archive without inflating anything. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50)
    throw ImportRejection.of('import.wordDocumentDocxFiles');
  // End of central directory record: within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw ImportRejection.of('import.wordDocumentDamagedTruncated');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw ImportRejection.of('import.wordDocumentUsesZip64');
  if (cdOffset + cdSize > bytes.length) throw ImportRejection.of('import.wordDocumentDamagedTruncated2');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      throw ImportRejection.of('import.wordDocumentDamagedBad');
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLen)));
    entries.push({ name, compressed, uncompressed, method, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export function checkZipBomb(entries: ZipEntry[], limit = DOCX_MAX_UNCOMPRESSED): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed === 0xffffffff) throw ImportRejection.of('import.wordDocumentDeclaresEntry');
    total += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > MAX_RATIO)
      throw ImportRejection.of('import.wordDocumentLooksLike', {
        name: e.name,
        value: Math.round(e.uncompressed / Math.max(1, e.compressed)),
      });
  }
  if (total > limit)
    throw ImportRejection.of('import.wordDocumentExpandsMb', {
      value: Math.round(total / 1024 / 1024),
      value2: Math.round(limit / 1024 / 1024),
    });
}

/**
 * Inflates every entry with its declared size as the output limit (and
 * throws the result away): an entry that expands further, or to less, is
 * rejected before mammoth (whose zip reader trusts nothing but the data)
 * inflates it without a limit.
 */
export function verifyDeclaredSizes(bytes: Uint8Array, entries: ZipEntry[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (name: string) => ImportRejection.of('import.wordDocumentDamagedDoes', { name });
  for (const e of entries) {
    const local = e.offset ?? -1;
    if (local < 0 || local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged(e.name);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + e.compressed);
    if (start + e.compressed > bytes.length) throw damaged(e.name);
    if (e.method === 0) {
      if (e.compressed !== e.uncompressed) throw damaged(e.name);
      continue;
    }
    if (e.method !== 8) throw ImportRejection.of('import.wordDocumentUsesCompression', { name: e.name });
    let size: number;
    try {
      size = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed) }).length;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
        throw ImportRejection.of('import.wordDocumentLooksLike2', { name: e.name, uncompressed: e.uncompressed });
      throw damaged(e.name);
    }
    if (size !== e.uncompressed) throw damaged(e.name);
  }
}

export interface DocxResult {
  blocks: Block[];
}

export async function docxBlocks(bytes: Uint8Array): Promise<DocxResult> {
  const entries = zipEntries(bytes);
  checkZipBomb(entries);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw ImportRejection.of('import.wordDocumentWordDocument');
  verifyDeclaredSizes(bytes, entries);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Caption'] => figcaption:fresh"],
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (err) {
    if (err instanceof ImportRejection) throw err;
    throw ImportRejection.of('import.wordDocumentCouldRead', { value: (err as Error).message ?? 'damaged file' });
  }
  const blocks = fragmentBlocks(html);
  // The document's title style (or its first top-level heading) is the headline.
  const titleIndex = blocks.findIndex((b) => b.kind === 'heading');
  if (titleIndex >= 0 && titleIndex < 6) blocks[titleIndex] = { ...blocks[titleIndex]!, kind: 'title' };
  return { blocks };
}
