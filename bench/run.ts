/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so peak
 * memory figures are per benchmark, and with --expose-gc so a benchmark can
 * collect garbage before each timed step) and prints their tables. Pass names to run
 * a subset: `npm run bench -- store anchoring`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

let failed = 0;
for (const file of files) {
  const res = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(dir, file)], {
    stdio: 'inherit',
  });
  if (res.status !== 0) {
    failed++;
    console.error(`\n${file} exited with ${res.status ?? res.signal}`);
  }
}
console.log(`\n${files.length} benchmark file(s) run${failed ? `, ${failed} failed to run` : ''}.`);
process.exitCode = failed ? 1 : 0;
