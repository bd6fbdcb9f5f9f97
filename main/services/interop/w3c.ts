/**
 * W3C Web Annotation Data Model (JSON-LD): the exporter and the importer the
 * interop registry lists for `w3c`. Export: w3c-export.ts; reading and
 * checking a file: w3c-parse.ts; applying it to a notebook: w3c-import.ts;
 * the names and IRIs both sides use: w3c-vocab.ts. docs/interop.md describes
 * the mapping and docs/dossier-annotation.jsonld is the extension context.
 */
import type { ServiceContext, Transaction } from '../service-context';
import { exportW3c, type W3cExportInput, type W3cExportResult } from './w3c-export';
import { importW3c, type W3cImportSummary } from './w3c-import';
import { detectW3c } from './w3c-parse';

export const w3cExporter = (ctx: ServiceContext, input: W3cExportInput): Promise<W3cExportResult> =>
  exportW3c(ctx, input);

export const w3cImporter = {
  detect: detectW3c,
  run: (ctx: ServiceContext, tx: Transaction, bytes: Uint8Array, fileName: string): Promise<W3cImportSummary> =>
    importW3c(ctx, tx, bytes, fileName),
};
