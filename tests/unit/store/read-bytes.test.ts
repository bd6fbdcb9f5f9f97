/**
 * readBytesNoFollow gives a file's bytes whole, read in one go of the size
 * the file has (a search index of tens of MB) or an empty one, and still
 * refuses a link and a file over its cap.
 */
import { randomBytes } from 'node:crypto';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBytesNoFollow } from '../../../main/services/store/atomic-json-file';
import { tempDir } from '../../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('readBytesNoFollow', () => {
  it('reads a large file and an empty one whole', async () => {
    const large = randomBytes(3 * 1024 * 1024 + 17); // several of readFile's steps, not a whole number of them
    await writeFile(path.join(dir, 'large.bin'), large);
    expect((await readBytesNoFollow(path.join(dir, 'large.bin'), { maxBytes: 4 * 1024 * 1024 })).equals(large)).toBe(
      true,
    );
    await writeFile(path.join(dir, 'empty.bin'), '');
    expect((await readBytesNoFollow(path.join(dir, 'empty.bin'))).length).toBe(0);
  });

  it('refuses a link and a file over its cap', async () => {
    await writeFile(path.join(dir, 'real.bin'), 'abc');
    await symlink(path.join(dir, 'real.bin'), path.join(dir, 'link.bin'));
    await expect(readBytesNoFollow(path.join(dir, 'link.bin'))).rejects.toThrow();
    await expect(readBytesNoFollow(path.join(dir, 'real.bin'), { maxBytes: 2 })).rejects.toMatchObject({
      code: 'corrupt',
    });
  });
});
