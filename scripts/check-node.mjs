// The Node.js version guard: `npm start`, `npm run dev`, `npm run dev:web`,
// `npm test`, `npm run bench` (their "pre" scripts) and `npx dossier` stop
// with one line when the running Node is older than package.json's
// `engines.node`, instead of failing later inside a dependency.
//
// Plain JavaScript that old Node versions still parse: it must run on the
// versions it rejects.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageJson = new URL('../package.json', import.meta.url);

/** "22.12.0" from ">=22.12.0" (the only form package.json uses). */
export function requiredNodeVersion() {
  const engines = JSON.parse(readFileSync(packageJson, 'utf8')).engines || {};
  const match = /^\s*>=\s*v?(\d+)\.(\d+)\.(\d+)\s*$/.exec(String(engines.node || ''));
  if (!match) throw new Error('package.json: engines.node must read ">=MAJOR.MINOR.PATCH"');
  return match.slice(1).join('.');
}

function parts(version) {
  return String(version)
    .replace(/^v/, '')
    .split('.')
    .map((p) => parseInt(p, 10) || 0);
}

/** True when `found` (e.g. "20.20.2") is at least `required` (e.g. "22.12.0"). */
export function isAtLeast(found, required) {
  const a = parts(found);
  const b = parts(required);
  for (let i = 0; i < 3; i++) {
    if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
  }
  return true;
}

/** The one-line message, or null when the version is new enough. */
export function nodeVersionProblem(found, required) {
  if (isAtLeast(found, required)) return null;
  return `Dossier needs Node.js ${required} or newer; this is Node.js ${String(found).replace(/^v/, '')} (${process.execPath}). Install a newer Node.js and try again.`;
}

/** Exits the process with the message when the running Node is too old. */
export function assertNodeVersion() {
  const problem = nodeVersionProblem(process.versions.node, requiredNodeVersion());
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) assertNodeVersion();
