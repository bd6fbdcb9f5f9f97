/**
 * eld (language detection, in the import worker) keeps its n-gram tables in a
 * module that is one object literal of about 100,000 entries. Compiling that
 * literal takes a worker thread some 180 MB of memory that it keeps for its
 * life, and half a second; the same data as `JSON.parse` of one string takes
 * about 70 MB and a fifth of the time (JSON is parsed by a much simpler
 * parser than JavaScript, and no code is made for it). eld is a development
 * dependency, bundled by both builds (the Electron main bundle,
 * electron.config.ts; the CLI bundle, build-cli.ts), which load its table
 * modules through `ngramsModuleAsJson`.
 */
import { pathToFileURL } from 'node:url';

/** eld's n-gram table modules (`eld/src/ngrams/<size>.js`). */
export const ELD_NGRAMS_MODULE = /[\\/]node_modules[\\/]eld[\\/]src[\\/]ngrams[\\/][\w.-]+\.js$/;

/** The module at `file` (one of eld's table modules), with its data as `JSON.parse` of one string. */
export async function ngramsModuleAsJson(file: string): Promise<string> {
  const { ngramsData } = (await import(pathToFileURL(file).href)) as { ngramsData: unknown };
  return `export const ngramsData = JSON.parse(${JSON.stringify(JSON.stringify(ngramsData))});\n`;
}
