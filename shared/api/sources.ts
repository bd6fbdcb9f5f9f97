/**
 * API schemas for editing sources after import: cancelling a running import,
 * restoring what import removed (and removing a paragraph by hand),
 * correcting a source's metadata, and deleting a source.
 */
import { z } from 'zod';
import { Annotation, Id, IsoDate, Source, SourceMeta } from '../model';

/** ISO 639-1 language code (two lower-case letters), or "und" for unknown. */
export const EditableLanguage = z
  .string()
  .trim()
  .regex(/^([a-z]{2}|und)$/, 'Use a two-letter ISO 639-1 code such as "en", "sv" or "de" (or "und" when unknown).');

/** A calendar date written YYYY-MM-DD that exists (no 31 February). */
export const EditableDate = IsoDate.refine((v) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}, 'Use a real date written YYYY-MM-DD, e.g. 2018-11-29.');

/**
 * What metadata can be edited. For the optional fields, an empty string (or
 * null) clears the value; the title may not be empty.
 */
export const SourceMetaPatch = z
  .object({
    title: z.string().trim().min(1, 'The title cannot be empty.').max(500),
    outlet: z.string().trim().max(200).nullable(),
    author: z.string().trim().max(300).nullable(),
    publishedAt: z.union([EditableDate, z.literal(''), z.null()]),
    language: EditableLanguage,
    url: z.string().trim().max(2048).nullable(),
  })
  .partial()
  .strict();
export type SourceMetaPatch = z.infer<typeof SourceMetaPatch>;

export const RestoreResult = z.object({
  source: Source,
  annotations: z.array(Annotation),
  /** Where the restored paragraph now is in the text. */
  start: z.number().int(),
  end: z.number().int(),
});

export const RemoveParagraphResult = z.object({
  source: Source,
  annotations: z.array(Annotation),
});

export const sourceSchemas = {
  cancelImport: {
    input: z.object({}).strict().default({}),
    output: z.object({ cancelled: z.boolean() }),
  },
  restoreRemoved: {
    input: z.object({ sourceId: Id, index: z.number().int().min(0) }),
    output: RestoreResult,
  },
  removeParagraph: {
    input: z.object({
      sourceId: Id,
      paragraphIndex: z.number().int().min(0),
      reason: z.string().trim().min(1).max(200).default('removed by hand'),
    }),
    output: RemoveParagraphResult,
  },
  updateSourceMeta: {
    input: z.object({ id: Id, patch: SourceMetaPatch }),
    output: SourceMeta,
  },
  /** Deletes a source with its annotations and their relations; one undo step brings all back. */
  deleteSource: {
    input: z.object({ id: Id }),
    output: z.object({
      id: Id,
      title: z.string(),
      /** How many annotations (claims, highlights, notes) went with it. */
      annotations: z.number().int(),
      relations: z.number().int(),
    }),
  },
} as const;
