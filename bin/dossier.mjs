#!/usr/bin/env node
// `npx dossier …` in a checkout: runs the TypeScript CLI through tsx (a devDependency),
// so a fresh clone works right after `npm install`, with no build step.
// The packaged app ships the built JavaScript instead (out/cli/dossier.js, `npm run build`).
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/bin.ts');
