#!/usr/bin/env node
// `npx dossier …` — runs the TypeScript CLI through tsx, so a fresh clone works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/dossier.ts');
process.exitCode = await main(process.argv.slice(2));
