// Whether out/cli/dossier.js (`npm run build`, scripts/build-cli.ts) was built
// from the repository's current files. bin/dossier.mjs asks this on every
// `npx dossier`, so it must be cheap: one stat of the bundle and one of each
// file the bundle was built from (listed by the build in out/cli/inputs.json,
// some hundreds), a few milliseconds — against a second or more of running
// the TypeScript sources through tsx.
//
// Plain JavaScript, loaded before tsx.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The bundle `npx dossier` runs when it is current. */
export const CLI_BUNDLE = 'out/cli/dossier.js';
/** The repository files (paths from the repository root) the bundle was built from. */
export const CLI_BUNDLE_INPUTS = 'out/cli/inputs.json';
/** Files that are no module of the bundle but decide how it is built. */
export const CLI_BUNDLE_EXTRA_INPUTS = [
  'scripts/build-cli.ts',
  'scripts/eld-ngrams.ts',
  'package.json',
  'package-lock.json',
];

/** The mtime in ms, or undefined when the file is missing. */
function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Null when `root`'s built CLI holds its current sources, otherwise why not
 * ("out/cli/dossier.js is missing", "main/cli/dossier.ts is newer than out/cli/dossier.js").
 */
export function cliBundleStaleReason(root) {
  const built = mtime(path.join(root, CLI_BUNDLE));
  if (built === undefined) return `${CLI_BUNDLE} is missing`;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(path.join(root, CLI_BUNDLE_INPUTS), 'utf8'));
  } catch {
    return `${CLI_BUNDLE_INPUTS} is missing or unreadable`;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return `${CLI_BUNDLE_INPUTS} lists no inputs`;
  for (const input of inputs) {
    const changed = mtime(path.join(root, input));
    // A file the bundle was built from and that is gone now: the sources changed.
    if (changed === undefined) return `${input} is missing`;
    if (changed > built) return `${input} is newer than ${CLI_BUNDLE}`;
  }
  return null;
}
