/**
 * A folder to import may come from someone else: links inside it are not
 * followed (a link loop would never end; a link to ~/.ssh would import a
 * private file), and the walk is bounded in depth and count.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectPaths, FOLDER_WALK_LIMITS } from '../../../main/services/import/import-batch';
import { tempDir } from '../../helpers/temp-dir';

const ARTICLE = 'Harbour board delays the night ferry\n\nThe board postponed its decision until the spring.';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function scene() {
  const t = await tempDir();
  cleanup = t.cleanup;
  const folder = path.join(t.dir, 'clippings');
  await mkdir(path.join(folder, 'week-2'), { recursive: true });
  await writeFile(path.join(folder, 'ferry.txt'), ARTICLE);
  await writeFile(path.join(folder, 'week-2', 'ferry-2.txt'), ARTICLE);
  const secret = path.join(t.dir, 'private-notes.txt');
  await writeFile(secret, 'not for any notebook');
  return { dir: t.dir, folder, secret };
}

describe('importing a folder', () => {
  it('does not follow a link loop or a link out of the folder, and says why it skipped them', async () => {
    const { folder, secret } = await scene();
    await symlink(folder, path.join(folder, 'week-2', 'back-to-top'));
    await symlink(secret, path.join(folder, 'notes.txt'));
    const { items, skipped, rejected } = await collectPaths([folder]);
    expect(items.map((i) => i.name).sort()).toEqual(['ferry-2.txt', 'ferry.txt']);
    expect(rejected).toEqual([]);
    expect(skipped.map((s) => path.basename(s.name)).sort()).toEqual(['back-to-top', 'notes.txt']);
    for (const s of skipped) expect(s.reason).toMatch(/a link: links inside a folder are not followed/);
  });

  it('a link the person names directly is followed', async () => {
    const { dir, secret } = await scene();
    const named = path.join(dir, 'named-link.txt');
    await symlink(secret, named);
    const { items } = await collectPaths([named]);
    expect(items.map((i) => ('path' in i ? i.path : i.name))).toEqual([named]);
  });

  it('stops going deeper than the depth limit, and says so once', async () => {
    const { folder } = await scene();
    let deep = folder;
    for (let i = 0; i <= FOLDER_WALK_LIMITS.depth + 2; i++) deep = path.join(deep, `d${i}`);
    await mkdir(deep, { recursive: true });
    await writeFile(path.join(deep, 'too-deep.txt'), ARTICLE);
    const { items, skipped } = await collectPaths([folder]);
    expect(items.map((i) => i.name)).not.toContain('too-deep.txt');
    expect(skipped.filter((s) => /more than \d+ folders deep/.test(s.reason))).toHaveLength(1);
  });
});
