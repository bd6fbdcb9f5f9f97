/**
 * Records the packages a Node program loads: a module resolve hook
 * (`module.register`, so any Node the package accepts) that writes each
 * package it resolves, by its folder under node_modules, to a file. Pass
 * `--import <registerUrl>` to the program (a process's or a worker's argv).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PackageRecorder {
  /** The URL to pass with `--import`. */
  registerUrl: string;
  /** The packages loaded since the recorder was made or last taken (each once); starts a new record. */
  take(): Promise<string[]>;
}

/** A recorder writing its hook and its record into `dir`. */
export async function packageRecorder(dir: string): Promise<PackageRecorder> {
  const record = path.join(dir, 'loaded.txt');
  await writeFile(record, '');
  const hooks = path.join(dir, 'hooks.mjs');
  await writeFile(
    hooks,
    [
      "import { appendFileSync } from 'node:fs';",
      'export async function resolve(specifier, context, next) {',
      '  const r = await next(specifier, context);',
      '  const m = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url);',
      `  if (m) appendFileSync(${JSON.stringify(record)}, m[1] + '\\n');`,
      '  return r;',
      '}',
    ].join('\n'),
  );
  const register = path.join(dir, 'register.mjs');
  await writeFile(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  return {
    registerUrl: pathToFileURL(register).href,
    async take() {
      const loaded = [...new Set((await readFile(record, 'utf8')).split('\n').filter(Boolean))];
      await writeFile(record, '');
      return loaded;
    },
  };
}
