/**
 * W3C Web Annotation Data Model (JSON-LD): the exporter and the importer the
 * interop registry lists for `w3c`. Export: w3c-export.ts; reading and
 * checking a file: w3c-parse.ts; applying it to a notebook: w3c-import.ts;
 * the names and IRIs both sides use: w3c-vocab.ts. docs/interop.md describes
 * the mapping and docs/dossier-annotation.jsonld is the extension context.
 */
import type { InteropExporter, InteropImporter } from './registry';
import { exportW3c } from './w3c-export';
import { importW3c } from './w3c-import';
import { detectW3c } from './w3c-parse';

export const w3cExporter: InteropExporter = exportW3c;

export const w3cImporter: InteropImporter = { detect: detectW3c, run: importW3c };
