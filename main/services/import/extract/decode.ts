/**
 * Bytes → string for text-like inputs (.txt, .md, .html): UTF-8 with or
 * without BOM, UTF-16 LE/BE (BOM or NUL pattern), and legacy single-byte
 * encodings (Windows-1252 / ISO-8859-x) detected with chardet and decoded with
 * iconv-lite. Binary data is rejected with a reason a person understands.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportRejection } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-16 without BOM: in Latin-script text every other byte is NUL. */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.6 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.6 && oddNul / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** Share of characters that are not printable text (controls other than tab/LF/CR/FF, U+FFFD). */
function junkShare(text: string): number {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  if (sample.length === 0) return 0;
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) junk++;
  }
  return junk / sample.length;
}

function assertText(text: string): string {
  if (junkShare(text) > 0.02) throw ImportRejection.of('import.looksLikeBinaryFile');
  return text;
}

export interface Decoded {
  text: string;
  encoding: string;
}

/** Decodes text bytes, detecting the encoding. Throws ImportRejection for binary data. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: assertText(new TextDecoder('utf-16le').decode(bytes.subarray(2))), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: assertText(new TextDecoder('utf-16be').decode(bytes.subarray(2))), encoding: 'utf-16be' };
  }
  const wide = utf16ByNulPattern(bytes);
  if (wide) return { text: assertText(new TextDecoder(wide).decode(bytes)), encoding: wide };
  // A NUL byte in anything that is not UTF-16 means binary.
  const head = bytes.subarray(0, Math.min(bytes.length, 65536));
  if (head.includes(0)) throw ImportRejection.of('import.looksLikeBinaryFile');
  try {
    return { text: assertText(utf8.decode(bytes)), encoding: 'utf-8' };
  } catch (err) {
    if (err instanceof ImportRejection) throw err;
  }
  // Not UTF-8: a legacy encoding. chardet guesses among single-byte code pages;
  // for the Western ones, Windows-1252 is a superset of ISO-8859-1's printable range.
  const guess = (chardet.detect(head) ?? 'windows-1252').toLowerCase();
  // Only non-Latin single-byte guesses are trusted: chardet often mistakes
  // Swedish or German Windows-1252 for ISO-8859-2/9, which would garble å, ä, ö.
  const encoding = /^(windows-1251|koi8-r|iso-8859-5|windows-1253|iso-8859-7)$/.test(guess) ? guess : 'windows-1252';
  return {
    text: assertText(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)),
    encoding,
  };
}
