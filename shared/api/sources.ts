/**
 * API schemas for editing sources after import: cancelling a running import,
 * restoring what import removed (and removing a paragraph by hand),
 * correcting a source's metadata, and deleting a source.
 */
import { z } from 'zod';
import { Annotation, Id, IsoDate, Source, SourceMeta } from '../model';
import { SourceSort } from '../enums';
import { validation } from '../i18n/zod';

/** ISO 639-1 language code (two lower-case letters), or "und" for unknown. */
export const EditableLanguage = z
  .string()
  .trim()
  .regex(/^([a-z]{2}|und)$/, validation('validation.languageCode'));

/** A calendar date written YYYY-MM-DD that exists (no 31 February). */
export const EditableDate = IsoDate.refine((v) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}, validation('validation.date'));

/**
 * What metadata can be edited. For the optional fields, an empty string (or
 * null) clears the value; the title may not be empty.
 */
export const SourceMetaPatch = z
  .object({
    title: z.string().trim().min(1, validation('validation.titleEmpty')).max(500),
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

/** Which sources a list shows and in which order: every source, or those whose title, outlet or author hold `filter`. */
export const SourceListView = z.object({
  sort: SourceSort.default('imported'),
  filter: z.string().trim().max(200).default(''),
});

/** Source heads come a page at a time, so a notebook of any size paints its list after one small read. */
export const SOURCE_PAGE_MAX = 1000;

export const SourcePage = z.object({
  /** How many sources the view holds (after the filter). */
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(SourceMeta),
});
export type SourcePage = z.infer<typeof SourcePage>;

export const sourceSchemas = {
  /** One page of the source list, sorted and filtered (`listSources` gives the whole list, for the CLI). */
  listSourcePage: {
    input: SourceListView.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(SOURCE_PAGE_MAX).default(100),
    }).strict(),
    output: SourcePage,
  },
  /** The heads of the named sources that exist, in the order asked: what a change event's ids patch into a list. */
  getSourceHeads: {
    input: z.object({ ids: z.array(Id).max(SOURCE_PAGE_MAX) }).strict(),
    output: z.array(SourceMeta),
  },
  /** Where a source is in a sorted, filtered list (null when the filter leaves it out or it does not exist). */
  locateSource: {
    input: SourceListView.extend({ id: Id }).strict(),
    output: z.object({ index: z.number().int().nullable(), total: z.number().int() }),
  },

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
