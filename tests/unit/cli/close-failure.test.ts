/** A disk that fails as the notebook closes (its last writes): one readable line and exit 1, never a rejection. */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { run } from './run-cli';

vi.mock('../../../main/services/session', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/services/session')>();
  return {
    ...real,
    openNotebookSession: async (...args: Parameters<typeof real.openNotebookSession>) => {
      const session = await real.openNotebookSession(...args);
      return {
        ...session,
        async close() {
          await session.close();
          const file = path.join(session.dir, 'notebook.json');
          throw Object.assign(new Error(`ENOSPC: simulated, write '${file}'`), { code: 'ENOSPC', path: file });
        },
      };
    },
  };
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('closing the notebook on a full disk', () => {
  it('prints the readable io message once and exits 1', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const r = await run('--notebook', path.join(t.dir, 'c.dossier'), 'tag', 'add', 'Wind', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ name: 'Wind' });
    expect(r.err.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^dossier: The disk is full \(.*notebook\.json\)/),
    ]);
  });
});
