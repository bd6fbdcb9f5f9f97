import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintInput, fingerprintInThread, fingerprintNow } from '../../../main/services/search/fingerprint';
import { tempDir } from '../../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
const ids = ['src_b', 'src_a', 'src_c'];
const input = () => fingerprintInput(dir, 'notebook.json', 'sources', ids);
const file = (id: string) => path.join(dir, 'sources', `${id}.json`);

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('dossier-fingerprint-'));
  await mkdir(path.join(dir, 'sources'));
  await writeFile(path.join(dir, 'notebook.json'), '{}');
  for (const id of ids) {
    await writeFile(file(id), `{"id":"${id}"}`);
    await utimes(file(id), 1_700_000_000, 1_700_000_000);
  }
});
afterEach(() => cleanup());

describe('the fingerprint of the files a search cache stands for', () => {
  it('is the same from a helper thread as on this one, and changes when a source file does', async () => {
    const before = fingerprintNow(input());
    expect(await fingerprintInThread(input())).toBe(before);
    // rewritten in place with the same size: only its modification time tells
    await writeFile(file('src_a'), '{"id":"src_x"}');
    const rewritten = await fingerprintInThread(input());
    expect(rewritten).not.toBe(before);
    expect(fingerprintNow(input())).toBe(rewritten);
    // put back to the second: the same again
    await writeFile(file('src_a'), '{"id":"src_a"}');
    await utimes(file('src_a'), 1_700_000_000, 1_700_000_000);
    expect(await fingerprintInThread(input())).toBe(before);
    // a missing file
    await rm(file('src_c'));
    expect(await fingerprintInThread(input())).not.toBe(before);
  });
});
