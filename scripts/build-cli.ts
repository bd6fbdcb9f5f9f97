/**
 * Builds the `dossier` command line to plain JavaScript for the packaged app:
 *
 *   npx tsx scripts/build-cli.ts        (part of `npm run build`)
 *
 * main/cli/bin.ts → out/cli/dossier.js: an ES module (the package is
 * "type": "module") holding the CLI, main/services and shared/, with the code
 * that only some commands need (actor detection, the Word and PDF writers,
 * whatever main/services loads with `import()`) split into chunks beside it,
 * so `dossier sources` starts without compromise, pdfkit or docx. The
 * production dependencies stay external and load from node_modules at run
 * time, as they do for out/main, except JSON modules (the i18n-iso-countries
 * data the code imports with `with { type: 'json' }`): those are bundled, so
 * the output carries no JSON import for a loader to refuse. Everything else
 * (shared/, main/services/, devDependencies such as stopwords-iso) is bundled.
 * The packaged app runs it with its own Electron binary acting as Node
 * (ELECTRON_RUN_AS_NODE); plain `node out/cli/dossier.js` runs it too.
 *
 * It also writes out/cli/inputs.json, the repository files the bundle was
 * built from: bin/dossier.mjs runs the bundle only while none of them is
 * newer than it (scripts/cli-bundle.mjs).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { CLI_BUNDLE_INPUTS, CLI_BUNDLE_EXTRA_INPUTS } from './cli-bundle.mjs';
import { ELD_NGRAMS_MODULE, ngramsModuleAsJson } from './eld-ngrams';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const dependencies = new Set(Object.keys(pkg.dependencies));

/** A bare specifier's package name: `@scope/name/sub` → `@scope/name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Production dependencies load from node_modules at run time; their JSON data is bundled. */
const productionDepsExternal: Plugin = {
  name: 'production-deps-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'inner' || args.path.startsWith('node:') || !dependencies.has(packageName(args.path)))
        return undefined;
      // stopwords-iso's main entry is itself a JSON file: look at what the specifier resolves to.
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'inner',
      });
      if (resolved.errors.length > 0 || resolved.path.endsWith('.json')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** eld's n-gram tables load as JSON (eld-ngrams.ts). */
const eldNgramsAsJson: Plugin = {
  name: 'eld-ngrams-as-json',
  setup(b) {
    b.onLoad({ filter: ELD_NGRAMS_MODULE }, async (args) => ({
      contents: await ngramsModuleAsJson(args.path),
      loader: 'js',
    }));
  },
};

// Chunk names carry a hash: drop the last build's, so out/cli (and the package) holds only this build's.
await rm(path.join(root, 'out/cli/chunks'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // The CLI and its worker threads, beside it (workers/entry.ts finds them there).
  entryPoints: {
    dossier: 'main/cli/bin.ts',
    'import-worker': 'main/services/import/extract-worker.ts',
    'search-worker': 'main/services/search/search-worker.ts',
  },
  outdir: 'out/cli',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  plugins: [productionDepsExternal, eldNgramsAsJson],
  logLevel: 'warning',
  metafile: true,
  // Each `import()` becomes a chunk loaded on first use; code both entries share is a chunk too.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
// The repository files the bundle holds (packages from node_modules load at run time or are versioned by
// package-lock.json), plus the files that decide how it is built.
const inputs = [
  ...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/') && !f.includes(':')),
  ...CLI_BUNDLE_EXTRA_INPUTS,
];
await writeFile(path.join(root, CLI_BUNDLE_INPUTS), `${JSON.stringify(inputs, null, 1)}\n`);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
const entry = result.metafile.outputs['out/cli/dossier.js']!.bytes;
console.log(
  `out/cli/dossier.js ${(entry / 1024).toFixed(1)} kB, with the workers and chunks ${(bytes / 1024).toFixed(1)} kB`,
);
