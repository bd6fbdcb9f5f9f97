/**
 * The `dossier` executable's entry: runs the CLI on this process's arguments.
 * bin/dossier.mjs loads it through tsx in a checkout; `npm run build` bundles
 * it to out/cli/dossier.js, the file the packaged app ships.
 */
import { useWorkerBesideBundle } from '../services/session';
import { main } from './dossier';

useWorkerBesideBundle(import.meta.url);

process.exitCode = await main(process.argv.slice(2));
