// Vitest setup: imports in tests read files in the import worker, run from its TypeScript source.
// (Tests in the jsdom environment draw UI and import nothing; their module URLs are not file: URLs.)
import { useSourceWorker } from '../../main/services/import/source-worker';

if (typeof document === 'undefined') useSourceWorker();
