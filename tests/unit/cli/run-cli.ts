/** Runs the CLI in process for tests, and sets up a notebook with one claim and one brief. */
import path from 'node:path';
import { expect } from 'vitest';
import { main } from '../../../main/cli/dossier';

export const FIXTURES = path.resolve('tests/fixtures/basic');

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function run(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), isTTY: false });
  return { code, out, err };
}

/** Like run, but expects success and parses the --json output. */
export async function runJson<T = unknown>(...argv: string[]): Promise<T> {
  const r = await run(...argv, '--json');
  expect(r.err, argv.join(' ')).toBe('');
  expect(r.code, argv.join(' ')).toBe(0);
  return JSON.parse(r.out) as T;
}

/** Imports the harbour article into `nb`, marks its first long line as a claim tagged "Harbour", and drafts a brief from the tag. */
export async function notebookWithBrief(nb: string): Promise<{ sourceId: string; quote: string; briefId: string }> {
  await runJson('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
  const sourceId = (await runJson<Array<{ id: string }>>('--notebook', nb, 'sources'))[0]!.id;
  const { text } = await runJson<{ text: string }>('--notebook', nb, 'show', sourceId);
  const quote = text.split('\n').find((l) => l.length > 40)!;
  await runJson('--notebook', nb, 'claim', 'add', sourceId, '--quote', quote, '--tag', 'Harbour');
  const brief = await runJson<{ id: string }>('--notebook', nb, 'brief', 'draft', '--tag', 'Harbour');
  return { sourceId, quote, briefId: brief.id };
}
