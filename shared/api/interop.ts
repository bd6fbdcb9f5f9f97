/**
 * API schemas for the exchange formats (docs/interop.md): export a notebook's
 * sources and annotations as W3C Web Annotations, a REFI-QDA project or
 * codebook, references or ClaimReview markup. Import of the formats that
 * import goes through `importFiles` / `importPaths`, which offer each file to
 * the format readers first (`ImportResult.interop`).
 */
import { z } from 'zod';
import { InteropFormat } from '../enums';
import { Id } from '../model';

const ExportInput = z.object({
  format: InteropFormat,
  /** Only these sources (and their annotations); absent: the whole notebook. */
  sourceIds: z.array(Id).max(100_000).optional(),
});

/** What one exchange file brought into the notebook. Counts are of records created (or matched, for sources). */
export const InteropImportSummary = z.object({
  file: z.string(),
  format: InteropFormat,
  sources: z.object({ added: z.number().int(), matched: z.number().int() }),
  annotations: z.number().int(),
  tags: z.number().int(),
  actors: z.number().int(),
  notes: z.number().int(),
  /** Annotations that could not be placed in a source's text, kept as orphans (or skipped), with why. */
  orphans: z.array(z.object({ quote: z.string(), reason: z.string() })),
});
export type InteropImportSummary = z.infer<typeof InteropImportSummary>;

/** Records an export left out because the format has no place for them, with why (for a person). */
export const ExportOmitted = z.object({ count: z.number().int().min(1), reason: z.string() });
export type ExportOmitted = z.infer<typeof ExportOmitted>;

export const interopSchemas = {
  /** The export's bytes, for the page to save. `items`: how many records the file holds. */
  exportInterop: {
    input: ExportInput,
    output: z.object({
      fileName: z.string(),
      mime: z.string(),
      bytes: z.instanceof(Uint8Array),
      items: z.number(),
      omitted: ExportOmitted.optional(),
    }),
  },
  /** Writes the export to `path`. Trusted only (TRUSTED_METHODS): the CLI, and main after its save dialog. */
  exportInteropToFile: {
    input: ExportInput.extend({ path: z.string().min(1) }),
    output: z.object({ path: z.string(), format: InteropFormat, items: z.number(), omitted: ExportOmitted.optional() }),
  },
};
