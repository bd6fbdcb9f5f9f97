/**
 * The contract between the import pipeline (import-batch.ts: dedupe, store,
 * progress) and format extraction (this folder: bytes → clean article).
 */
import type { ImportFormat } from '../../../../shared/enums';
import type { RemovedBlock } from '../../../../shared/model';
import type { Translator } from '../../../../shared/i18n';
import { englishTranslator, sayError, type ErrorKey, type MessageParams, type Words } from '../../../../shared/errors';

export interface ImportInput {
  /** File name (or a label for pasted text); its extension picks the format. */
  name: string;
  bytes: Uint8Array;
  /** For pasted content: the clipboard's HTML flavour, when present. */
  html?: string;
  /** Where the input came from, when known (a saved page's URL). */
  url?: string;
}

export interface ExtractedDocument {
  title: string;
  outlet?: string;
  author?: string;
  url?: string;
  /** ISO date YYYY-MM-DD. */
  publishedAt?: string;
  /** ISO 639-1, or 'und'. */
  language: string;
  /** Normalised reading text (shared/text.ts normalizeText). */
  text: string;
  /** What extraction took out, each with a reason, so it can be restored. */
  removed: RemovedBlock[];
  /** Which extractor handled it: an import format, or 'paste' for pasted text or HTML. */
  format: ImportFormat | 'paste';
}

/**
 * Thrown when an input cannot become a source; the reason is shown to the person (`reason` in English,
 * `inLanguage` in theirs).
 */
export class ImportRejection extends Error {
  constructor(
    readonly reason: string,
    readonly words?: Words,
  ) {
    super(reason);
    this.name = 'ImportRejection';
  }
  /** A rejection with a reason of the `errors` catalogue. */
  static of(key: ErrorKey, params?: MessageParams): ImportRejection {
    const words = params ? { key, params } : { key };
    return new ImportRejection(sayError(englishTranslator(), words), words);
  }
  inLanguage(t: Translator): string {
    return this.words ? sayError(t, this.words) : this.reason;
  }
}

export interface ExtractOptions {
  /** Largest accepted input in bytes (default 50 MB). */
  maxBytes?: number;
  /** Longest time a PDF or Word parser may take before the file is rejected (default 30 s). */
  timeoutMs?: number;
}
