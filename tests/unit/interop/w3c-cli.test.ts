/**
 * The W3C format through the built CLI, as a person runs it: import a Dossier
 * export into a fresh notebook, export it again with `dossier export w3c --out
 * … --json`, and import that into another fresh notebook: the same sources,
 * annotations, tags, actors and statuses every time.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotebookSession } from '../../../main/services/session';
import { BUILT, repoRoot } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';
import { WHOLE_NOTEBOOK_SUMMARY, contents } from './w3c-notebook';

const FIXTURE = path.join(repoRoot, 'tests/fixtures/w3c/fictional-notebook.jsonld');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function dossier(...argv: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, BUILT.cli), ...argv], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function snapshot(dir: string) {
  const s = await openNotebookSession(dir, { readOnly: true });
  try {
    return await contents(s);
  } finally {
    await s.close();
  }
}

describe('dossier export w3c / dossier import (built CLI)', () => {
  it('imports an export into a fresh notebook and round-trips it again exactly', async () => {
    const t = await tempDir('dossier-w3c-cli-');
    cleanups.push(t.cleanup);
    const a = path.join(t.dir, 'a.dossier');
    const b = path.join(t.dir, 'b.dossier');

    const first = dossier('--notebook', a, 'import', FIXTURE, '--json');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const imported = JSON.parse(first.out) as { interop: Array<Record<string, unknown>> };
    expect(imported.interop).toEqual([{ file: 'fictional-notebook.jsonld', ...WHOLE_NOTEBOOK_SUMMARY }]);

    const out = path.join(t.dir, 'exported.jsonld');
    const exported = dossier('--notebook', a, 'export', 'w3c', '--out', out, '--json');
    expect(exported.err).toBe('');
    expect(JSON.parse(exported.out)).toEqual({ path: out, format: 'w3c', items: 6 });
    const doc = JSON.parse(await readFile(out, 'utf8')) as { type: string; total: number };
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 6 });

    expect(dossier('--notebook', b, 'import', out, '--json').code).toBe(0);
    const [left, right] = [await snapshot(a), await snapshot(b)];
    expect(right).toEqual(left);
    expect(left.annotations).toHaveLength(6);
    expect(left.sources.map((s) => s.language).sort()).toEqual(['en', 'en', 'fr', 'sv']);
  }, 120_000); // each spawn of the built CLI loads its bundle: seconds on a busy machine

  it('exports one source with --source, and refuses a damaged file naming what is wrong', async () => {
    const t = await tempDir('dossier-w3c-cli-');
    cleanups.push(t.cleanup);
    const nb = path.join(t.dir, 'nb.dossier');
    expect(dossier('--notebook', nb, 'import', FIXTURE, '--json').code).toBe(0);
    const out = path.join(t.dir, 'one.jsonld');
    const one = dossier(
      '--notebook',
      nb,
      'export',
      'w3c',
      '--source',
      'Festival 🎉 in 𝔘lvsby draws record crowds',
      '--out',
      out,
      '--json',
    );
    expect(one.err).toBe('');
    expect(JSON.parse(one.out)).toMatchObject({ format: 'w3c', items: 2 });

    const bad = path.join(t.dir, 'bad.jsonld');
    await writeFile(
      bad,
      JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'x:1' }),
    );
    const before = await snapshot(nb);
    const r = dossier('--notebook', nb, 'import', bad, '--json');
    const result = JSON.parse(r.out) as { rejected: Array<{ name: string; reason: string }> };
    expect(result.rejected).toEqual([{ name: 'bad.jsonld', reason: expect.stringMatching(/has no target/) }]);
    expect(await snapshot(nb)).toEqual(before);
  }, 120_000);
});
