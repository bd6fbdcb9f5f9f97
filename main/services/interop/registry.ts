/**
 * The exchange-format readers and writers (docs/interop.md): one exporter per
 * format of INTEROP_FORMATS, one importer per format that imports. The API
 * (`interop-methods.ts`), the import of files (`notebook-methods.ts`) and so
 * the CLI and the File menus all go through these two maps. The reference
 * formats load citation.js (and the HTTP client it brings) only when one is
 * written: a command that writes none, `dossier sources` say, never waits for it.
 */
import type { ExportOmitted, InteropImportSummary } from '../../../shared/api';
import type { InteropFormat } from '../../../shared/enums';
import type { ServiceContext, Transaction } from '../service-context';
import { exportClaimReview } from './claimreview';
import { exportQdc, exportQdpx, qdcImporter, qdpxImporter } from './qda';
import { w3cExporter, w3cImporter } from './w3c';

export interface InteropExportInput {
  /** Only these sources and their annotations; absent: every source. */
  sourceIds?: string[];
}

export interface InteropExportResult {
  bytes: Uint8Array<ArrayBuffer>;
  /** How many records the file holds (annotations, sources, codes, reviews): what the CLI prints. */
  items: number;
  /** Records the format has no place for, left out, with why (ClaimReview: claims whose status has no rating). */
  omitted?: ExportOmitted;
}

export type InteropExporter = (ctx: ServiceContext, input: InteropExportInput) => Promise<InteropExportResult>;

export interface InteropImporter {
  /** True when these bytes are this format, judged by content (the name is only a hint). Cheap; never throws. */
  detect(bytes: Uint8Array, fileName: string): boolean;
  /**
   * Applies the file to the notebook inside `tx` (one undo step per file).
   * Throws a DossierError ('invalid-input') with a clear message, before
   * changing anything, for a damaged or hostile file.
   */
  run(ctx: ServiceContext, tx: Transaction, bytes: Uint8Array, fileName: string): Promise<InteropImportSummary>;
}

const references = () => import('./references');

export const EXPORTERS: Partial<Record<InteropFormat, InteropExporter>> = {
  w3c: w3cExporter,
  qdpx: exportQdpx,
  qdc: exportQdc,
  csl: async (ctx, input) => (await references()).exportCslJson(ctx, input),
  bibtex: async (ctx, input) => (await references()).exportBibtex(ctx, input),
  ris: async (ctx, input) => (await references()).exportRis(ctx, input),
  claimreview: exportClaimReview,
};

export const IMPORTERS: Partial<Record<InteropFormat, InteropImporter>> = {
  w3c: w3cImporter,
  qdpx: qdpxImporter,
  qdc: qdcImporter,
};

/** The importer that recognises these bytes, if any. */
export function detectInterop(bytes: Uint8Array, fileName: string): [InteropFormat, InteropImporter] | undefined {
  for (const [format, importer] of Object.entries(IMPORTERS) as [InteropFormat, InteropImporter][]) {
    if (importer.detect(bytes, fileName)) return [format, importer];
  }
  return undefined;
}
