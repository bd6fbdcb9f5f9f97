/**
 * API schemas for briefs: the list, the editor's load and autosave,
 * drafting in one step, export, and what the editor needs to keep citation
 * chips live (resolveCitations) and to find claims to cite (listClaims).
 */
import { z } from 'zod';
import { BriefFormat, CitationKind, StyleOrigin, UiLanguage } from '../enums';
import { Annotation, Brief, Id, RichDoc, SourceMeta } from '../model';
import { WriteOrigin } from './events';

/** Export formats (the list lives in enums.ts). */
export { BriefFormat };

/** A line of the briefs list (no document). */
/** A citation style: a built-in id ("chicago-notes", "apa") or the file name of one in the notebook's styles/. */
export const StyleId = z.string().min(1).max(200);

export const CitationStyleInfo = z.object({
  id: StyleId,
  title: z.string(),
  /** Numbered notes, or citations in the text (author-date). */
  kind: CitationKind,
  origin: StyleOrigin,
});
export type CitationStyleInfo = z.infer<typeof CitationStyleInfo>;

export const BriefSummary = z.object({
  id: Id,
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Number of citation nodes in the document. */
  citations: z.number().int(),
});
export type BriefSummary = z.infer<typeof BriefSummary>;

/** A claim with its source's metadata: what a citation chip shows. */
export const ResolvedClaim = z.object({ annotation: Annotation, source: SourceMeta });
export type ResolvedClaim = z.infer<typeof ResolvedClaim>;

/** A cited claim whose whole source was deleted: the chip says "source removed". */
export const SourceRemovedCitation = z.object({ sourceRemoved: z.object({ id: Id, title: z.string() }) });
export type SourceRemovedCitation = z.infer<typeof SourceRemovedCitation>;

/** A claim found by listClaims, with the names the popup shows beside it. */
export const ClaimHit = ResolvedClaim.extend({
  actorNames: z.array(z.string()),
  tagNames: z.array(z.string()),
});
export type ClaimHit = z.infer<typeof ClaimHit>;

const BriefTitle = z.string().trim().max(300);

/** `language`: the draft's (default: the person's interface language from their settings). */
const DraftOptions = { title: BriefTitle.optional(), language: UiLanguage.optional() };
export const DraftBriefInput = z.union([
  z.object({ actorId: Id, ...DraftOptions }).strict(),
  z.object({ tagId: Id, ...DraftOptions }).strict(),
  z.object({ annotationIds: z.array(Id).min(1), ...DraftOptions }).strict(),
]);
export type DraftBriefInput = z.infer<typeof DraftBriefInput>;

export const briefSchemas = {
  listBriefs: { input: z.object({}).default({}), output: z.array(BriefSummary) },
  getBrief: { input: z.object({ id: Id }), output: Brief },
  createBrief: {
    /** `language`: the brief's (default: the person's interface language from their settings). */
    input: z
      .object({ title: BriefTitle.optional(), doc: RichDoc.optional(), language: UiLanguage.optional() })
      .default({}),
    output: Brief,
  },
  /**
   * Autosave, rename, citation style and language. Consecutive edits are labelled "Edit brief"; a rename "Rename brief".
   */
  updateBrief: {
    /** `origin` comes back on the `notebook-changed` event, so the editor that saved can tell its own write. */
    input: z.object({
      id: Id,
      title: BriefTitle.optional(),
      doc: RichDoc.optional(),
      citationStyle: StyleId.optional(),
      /** The language its fixed words and dates are exported in (an undoable change, like the style). */
      language: UiLanguage.optional(),
      origin: WriteOrigin.optional(),
    }),
    output: BriefSummary,
  },
  duplicateBrief: { input: z.object({ id: Id }), output: Brief },
  deleteBrief: { input: z.object({ id: Id }), output: z.object({ deleted: z.literal(true) }) },
  /** Drafts a brief from an actor, a tag or chosen claims, saves it, and returns it. */
  draftBrief: { input: DraftBriefInput, output: Brief },
  /** The exported file's bytes, for the renderer to save. `style`: a citation style's id (default: the brief's). */
  exportBrief: {
    /** `language`: this export only, in place of the brief's own. */
    input: z.object({
      briefId: Id,
      format: BriefFormat,
      style: StyleId.optional(),
      language: UiLanguage.optional(),
    }),
    output: z.object({ fileName: z.string(), mime: z.string(), bytes: z.instanceof(Uint8Array) }),
  },
  /** Writes the export to `path`. Trusted only (TRUSTED_METHODS): the CLI, and main after its save dialog. */
  exportBriefToFile: {
    input: z.object({
      briefId: Id,
      format: BriefFormat,
      path: z.string().min(1),
      style: StyleId.optional(),
      language: UiLanguage.optional(),
      /** A CSL style's text to use instead of a named one (the CLI's `--style file.csl`). */
      styleXml: z
        .string()
        .max(1024 * 1024)
        .optional(),
    }),
    output: z.object({ path: z.string(), format: BriefFormat, bytes: z.number().int() }),
  },
  /** The citation styles exports can use: built in, and the notebook's own `.csl` files. */
  listCitationStyles: { input: z.object({}).strict().default({}), output: z.array(CitationStyleInfo) },
  /** Checks a CSL style and adds it to the notebook's styles/ folder (not an undoable change: a file beside the notebook's data). */
  addCitationStyle: {
    input: z.object({
      fileName: z.string().min(1).max(255),
      xml: z
        .string()
        .min(1)
        .max(1024 * 1024),
    }),
    output: CitationStyleInfo,
  },
  /**
   * Per annotation id, in input order: the claim and its source; the deleted
   * source it belonged to (`sourceRemoved`); or null when it no longer exists.
   */
  resolveCitations: {
    input: z.object({ annotationIds: z.array(z.string()).max(5000) }),
    output: z.array(z.union([ResolvedClaim, SourceRemovedCitation]).nullable()),
  },
  /**
   * Annotations (claims first) whose quote, outlet, title, tag or actor name contains every word of `query`,
   * optionally only those linked to an actor, tagged with a tag (or a tag under it), with a status, or in a source;
   * newest source first.
   */
  listClaims: {
    input: z.object({
      query: z.string().max(200).default(''),
      // Up to every claim of a large notebook: the claims panel asks for more as it is scrolled to its end.
      limit: z.number().int().min(1).max(20_000).default(20),
      actorId: Id.optional(),
      tagId: Id.optional(),
      status: z.string().min(1).optional(),
      sourceId: Id.optional(),
    }),
    output: z.array(ClaimHit),
  },
} as const;
