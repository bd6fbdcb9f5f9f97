// Vitest setup: imports in tests read files in the import worker, run from its TypeScript source;
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useSourceWorker } from '../../main/services/import/source-worker';

useSourceWorker();

// Sessions the tests open through the CLI take snapshots: into a temporary folder, not the person's data folder.
process.env.DOSSIER_SNAPSHOTS ??= mkdtempSync(path.join(os.tmpdir(), 'dossier-snapshots-'));
