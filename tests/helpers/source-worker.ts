// Vitest setup: the worker threads (imports, the search index) run from their TypeScript sources;
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useSourceWorkers } from '../../main/services/workers/source';

useSourceWorkers();

// Sessions the tests open through the CLI take snapshots: into a temporary folder, not the person's data folder.
process.env.DOSSIER_SNAPSHOTS ??= mkdtempSync(path.join(os.tmpdir(), 'dossier-snapshots-'));
// …and read and write settings in a temporary folder: never the person's settings (their language, their theme).
process.env.DOSSIER_CONFIG_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'dossier-config-'));
// …and speak English unless a test asks for another language: the messages the tests match are the English ones.
process.env.LC_MESSAGES = 'C';
if (process.env.LC_ALL) process.env.LC_ALL = 'C.UTF-8';
