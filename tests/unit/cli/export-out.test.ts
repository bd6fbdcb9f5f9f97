/** `brief export --out` writes into an existing folder only: a missing one is an error naming it, and nothing is created. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { notebookWithBrief, run } from './run-cli';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('brief export --out', () => {
  it('refuses a folder that does not exist, naming it, and creates nothing; an existing folder works', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'out.dossier');
    const { quote, briefId } = await notebookWithBrief(nb);

    const missing = path.join(t.dir, 'no-such', 'deeper');
    const r = await run('--notebook', nb, 'brief', 'export', briefId, '--format', 'md', '--out', `${missing}/b.md`);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(missing);
    expect(r.err).toMatch(/does not exist/);
    expect(existsSync(path.join(t.dir, 'no-such'))).toBe(false);

    const ok = await run(
      '--notebook',
      nb,
      'brief',
      'export',
      briefId,
      '--format',
      'md',
      '--out',
      path.join(t.dir, 'b.md'),
    );
    expect(ok.code).toBe(0);
    expect(await readFile(path.join(t.dir, 'b.md'), 'utf8')).toContain(quote.slice(0, 30));
  });
});
