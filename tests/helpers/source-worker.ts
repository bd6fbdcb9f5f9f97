// Vitest setup: imports in tests read files in the import worker, run from its TypeScript source.
import { useSourceWorker } from '../../main/services/import/source-worker';

useSourceWorker();
