#!/usr/bin/env node
// `npx dossier …` in a checkout. When `npm run build` has built the CLI
// (out/cli/dossier.js) from the current sources, that plain JavaScript runs:
// it starts in a tenth of the time. Otherwise — a fresh clone, or a source
// edited since the last build — the TypeScript CLI runs through tsx (a
// devDependency), so `npx dossier` always runs what the sources say, with no
// build step needed. Which one ran is not printed (stdout is the command's);
// DOSSIER_CLI=source forces the sources. The version guard comes first, and
// tsx is imported only after it, so an old Node stops with one line.
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertNodeVersion } from '../scripts/check-node.mjs';
import { CLI_BUNDLE, cliBundleStaleReason } from '../scripts/cli-bundle.mjs';

assertNodeVersion();
const root = path.resolve(import.meta.dirname, '..');
if (process.env.DOSSIER_CLI !== 'source' && cliBundleStaleReason(root) === null) {
  // V8's compiled code for the bundle is kept between runs (in the system's temp folder).
  module.enableCompileCache?.();
  await import(pathToFileURL(path.join(root, CLI_BUNDLE)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  // From source, the worker threads run their TypeScript entries through tsx too.
  const { useSourceWorkers } = await import('../main/services/workers/source.ts');
  useSourceWorkers();
  await import('../main/cli/bin.ts');
}
