#!/usr/bin/env node
// `npx dossier …` in a checkout: runs the TypeScript CLI through tsx (a
// devDependency), so a fresh clone works right after `npm install`, with no
// build step. The packaged app ships the built JavaScript instead
// (out/cli/dossier.js, `npm run build`). The version guard comes first, and
// tsx is imported only after it, so an old Node stops with one line.
import { assertNodeVersion } from '../scripts/check-node.mjs';

assertNodeVersion();
const { register } = await import('tsx/esm/api');
register();
// From source, the worker threads run their TypeScript entries through tsx too.
const { useSourceWorkers } = await import('../main/services/workers/source.ts');
useSourceWorkers();
await import('../main/cli/bin.ts');
