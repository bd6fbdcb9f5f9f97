#!/usr/bin/env node
// `npx dossier …` in a checkout — runs the TypeScript CLI through tsx, so a
// fresh clone works right after `npm install`. The version guard comes first,
// and tsx is imported only after it, so an old Node stops with one line.
import { assertNodeVersion } from '../scripts/check-node.mjs';

assertNodeVersion();
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../main/cli/dossier.ts');
process.exitCode = await main(process.argv.slice(2));
