/**
 * The built CLI (out/cli/dossier.js, what the packaged app ships):
 * `dossier export qdpx|qdc --out … --json`, then `dossier import` of those
 * files into fresh notebooks gives the same notebook content.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotebookSession } from '../../../main/services/session';
import { fillQdaNotebook } from '../../fixtures/interop/qda-notebook';
import { tempDir } from '../../helpers/temp-dir';
import { describeNotebook } from './qda-helpers';

const CLI = path.resolve('out/cli/dossier.js');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function dossier(...argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

async function described(dir: string) {
  const s = await openNotebookSession(dir, { readOnly: true });
  try {
    return await describeNotebook(s);
  } finally {
    await s.close();
  }
}

describe('dossier export qdpx|qdc and dossier import (built CLI)', () => {
  it('round-trips the fixture notebook through the files the CLI writes', { timeout: 180_000 }, async () => {
    const t = await tempDir('dossier-qda-cli-');
    cleanups.push(t.cleanup);
    const a = path.join(t.dir, 'a.dossier');
    const s = await openNotebookSession(a);
    await fillQdaNotebook(s.service);
    await s.close();
    const before = await described(a);

    const qdpx = path.join(t.dir, 'p.qdpx');
    const exported = await dossier('--notebook', a, 'export', 'qdpx', '--out', qdpx, '--json');
    expect(exported.err).toBe('');
    expect(JSON.parse(exported.out)).toEqual({ path: qdpx, format: 'qdpx', items: 6 });
    const qdc = path.join(t.dir, 'c.qdc');
    const codebook = await dossier('--notebook', a, 'export', 'qdc', '--out', qdc, '--json');
    expect(JSON.parse(codebook.out)).toEqual({ path: qdc, format: 'qdc', items: 4 });

    const b = path.join(t.dir, 'b.dossier');
    const imported = await dossier('--notebook', b, 'import', qdpx, '--json');
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out).interop).toEqual([
      expect.objectContaining({ file: 'p.qdpx', format: 'qdpx', sources: { added: 3, matched: 0 }, annotations: 6 }),
    ]);
    expect(await described(b)).toEqual(before);

    const c = path.join(t.dir, 'c.dossier');
    const tags = await dossier('--notebook', c, 'import', qdc, '--json');
    expect(JSON.parse(tags.out).interop).toEqual([expect.objectContaining({ format: 'qdc', tags: 4 })]);
    const fromCodebook = await described(c);
    expect([fromCodebook.tags, fromCodebook.statuses]).toEqual([before.tags, before.statuses]);
  });

  it('refuses a hostile file with its reason and leaves the notebook as it was', { timeout: 60_000 }, async () => {
    const t = await tempDir('dossier-qda-cli-');
    cleanups.push(t.cleanup);
    const { writeFile } = await import('node:fs/promises');
    const bad = path.join(t.dir, 'laughs.qdc');
    await writeFile(
      bad,
      '<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY a "lol">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-0000-0000-000000000001" name="&a;" isCodable="true"/></Codes></CodeBook>',
    );
    const nb = path.join(t.dir, 'n.dossier');
    const r = await dossier('--notebook', nb, 'import', bad, '--json');
    const result = JSON.parse(r.out) as { rejected: Array<{ name: string; reason: string }>; interop: unknown[] };
    expect(result.interop).toEqual([]);
    expect(result.rejected).toEqual([{ name: 'laughs.qdc', reason: expect.stringMatching(/DOCTYPE declaration/) }]);
    expect((await described(nb)).tags).toEqual([]);
  });
});
