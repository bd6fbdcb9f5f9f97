/**
 * The CLI against hostile or broken input: terminal escapes stored in a
 * notebook, a full disk, an unreadable manifest, an --out into the notebook,
 * an import that imported nothing, a folder that is not a notebook. The attack
 * inputs are fictional fixtures under tests/fixtures/hostile/.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { FIXTURES, notebookWithBrief, run, runJson } from './run-cli';

/** When set, opening a file whose name matches fails with this errno, as a full or failing disk does. */
const disk = vi.hoisted(() => ({ failing: null as null | { code: string; name: RegExp } }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open = (async (file: Parameters<typeof real.open>[0], ...rest: unknown[]) => {
    const failing = disk.failing;
    if (failing && failing.name.test(String(file))) {
      throw Object.assign(new Error(`${failing.code}: simulated, open '${String(file)}'`), {
        code: failing.code,
        syscall: 'open',
        path: String(file),
      });
    }
    return (real.open as (...a: unknown[]) => ReturnType<typeof real.open>)(file, ...rest);
  }) as typeof real.open;
  return { ...real, open, default: { ...real, open } };
});

const HOSTILE = path.resolve('tests/fixtures/hostile');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  disk.failing = null;
  while (cleanups.length) await cleanups.pop()!();
});

async function scratch(): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A copy of a fixture notebook in a temporary folder. */
async function copyOf(fixture: string): Promise<string> {
  const nb = path.join(await scratch(), fixture);
  await cp(path.join(HOSTILE, fixture), nb, { recursive: true });
  return nb;
}

/** Anything a terminal would act on: C0 (but newline and tab), DEL, C1, and the bidi controls. */
// eslint-disable-next-line no-control-regex -- finding raw control characters in the output is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('terminal escapes stored in a notebook', () => {
  it('are shown escaped, never raw, by every human-readable output', async () => {
    const nb = await copyOf('escapes.dossier');
    const list = await run('--notebook', nb, 'sources');
    expect(list.code).toBe(0);
    expect(list.out).not.toMatch(TERMINAL_CONTROL);
    expect(list.out).toContain('Harbour accord\\u{1b}]52;c;ZmljdGlvbmFsIGNsaXBib2FyZA==\\u{7} signed\\u{1b}[2K');
    expect(list.out).toContain('\\u{202e}gnilrah\\u{202c}');
    expect(list.out).toContain('\\u{9b}31m');
    expect(list.out).toContain('The Coastal\\u{1b}[31m Ledger\\u{8}\\u{8}\\u{0}\\u{2066}');
    const [first] = await runJson<Array<{ id: string }>>('--notebook', nb, 'sources');
    const show = await run('--notebook', nb, 'show', first!.id);
    expect(show.code).toBe(0);
    expect(show.out).not.toMatch(TERMINAL_CONTROL);
    expect(show.out).toContain('\\u{1b}]52;c;');
    // Text keeps its line breaks.
    expect(show.out.split('\n').length).toBeGreaterThan(4);
  });

  it('stay exact in --json, which holds no raw control character', async () => {
    const nb = await copyOf('escapes.dossier');
    const manifest = JSON.parse(await readFile(path.join(nb, 'notebook.json'), 'utf8')) as {
      sources: Array<{ title: string; outlet?: string }>;
    };
    const r = await run('--notebook', nb, 'sources', '--json');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(TERMINAL_CONTROL);
    const parsed = JSON.parse(r.out) as Array<{ title: string; outlet?: string }>;
    expect(parsed.map((s) => [s.title, s.outlet])).toEqual(manifest.sources.map((s) => [s.title, s.outlet]));
    expect(parsed[0]!.title).toContain('\u001b]52;c;');
  });

  it('in an error message are escaped too', async () => {
    const nb = await copyOf('escapes.dossier');
    const r = await run('--notebook', nb, 'show', 'no such \u001b]0;title\u0007 source');
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(TERMINAL_CONTROL);
    expect(r.err).toContain('\\u{1b}]0;title\\u{7}');
  });
});

describe('a full or failing disk', () => {
  it.each(['ENOSPC', 'EIO'])('%s on a change prints one readable line, exits 1 and leaves no lock', async (code) => {
    const nb = path.join(await scratch(), 'full.dossier');
    await runJson('--notebook', nb, 'tag', 'add', 'Energy');
    disk.failing = { code, name: /\.tmp$/ };
    const r = await run('--notebook', nb, 'tag', 'add', 'Wind');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(code === 'ENOSPC' ? /^dossier: The disk is full/ : /^dossier: The disk reported/);
    expect(r.err).toMatch(/the change was not saved/);
    expect(existsSync(path.join(nb, '.lock'))).toBe(false);
    disk.failing = null;
    expect((await runJson<Array<{ name: string }>>('--notebook', nb, 'tag', 'list')).map((t) => t.name)).toEqual([
      'Energy',
    ]);
  });

  it('while the notebook is being created prints one readable line, not a raw errno', async () => {
    const nb = path.join(await scratch(), 'new.dossier');
    disk.failing = { code: 'ENOSPC', name: /\.tmp$/ };
    const r = await run('--notebook', nb, 'tag', 'add', 'Wind');
    expect(r.code).toBe(1);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^dossier: The disk is full \(.*notebook\.json.*\)/);
    expect(r.err).not.toMatch(/ENOSPC|\n\s+at /);
    expect(existsSync(path.join(nb, '.lock'))).toBe(false);
  });

  it('on the search cache alone (derived data, saved as the notebook closes) does not fail the command', async () => {
    const nb = path.join(await scratch(), 'close.dossier');
    await runJson('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
    disk.failing = { code: 'ENOSPC', name: /search-index\.json\.[0-9a-f]+\.tmp$/ };
    const r = await run('--notebook', nb, 'import', path.join(FIXTURES, 'ministers-meet.html'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/1 added/);
    expect(existsSync(path.join(nb, '.lock'))).toBe(false);
  });
});

describe('an unreadable notebook.json', () => {
  const damage: Array<[string, (text: string) => string, RegExp]> = [
    ['truncated', (t) => t.slice(0, t.length / 2), /notebook\.json could not be read/],
    ['garbled', () => '\u0000\u0001 not json at all', /notebook\.json could not be read/],
    ['from a newer version', (t) => t.replace('"schemaVersion": 1', '"schemaVersion": 99'), /newer version of Dossier/],
  ];
  it.each(damage)(
    '(%s) makes reading commands fail with the problem, not show an empty notebook',
    async (_, spoil, why) => {
      const nb = path.join(await scratch(), 'spoilt.dossier');
      await runJson('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
      const file = path.join(nb, 'notebook.json');
      const spoilt = spoil(await readFile(file, 'utf8'));
      await writeFile(file, spoilt);
      for (const argv of [['sources'], ['tag', 'list'], ['actors'], ['brief', 'list'], ['tag', 'add', 'X']]) {
        const r = await run('--notebook', nb, ...argv);
        expect(r.code, argv.join(' ')).toBe(1);
        expect(r.out, argv.join(' ')).toBe('');
        expect(r.err, argv.join(' ')).toMatch(why);
        expect(r.err).not.toMatch(/No sources yet/);
      }
      expect(await readFile(file, 'utf8')).toBe(spoilt);
    },
  );

  it('a missing notebook still reads as empty (nothing is created)', async () => {
    const nb = path.join(await scratch(), 'missing.dossier');
    const r = await run('--notebook', nb, 'sources');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/No sources yet/);
    expect(existsSync(nb)).toBe(false);
  });
});

describe('brief export --out', () => {
  it('refuses any file inside the notebook folder, also through a link, and changes nothing', async () => {
    const nb = path.join(await scratch(), 'out.dossier');
    const { briefId } = await notebookWithBrief(nb);
    const manifest = await readFile(path.join(nb, 'notebook.json'), 'utf8');
    const link = path.join(path.dirname(nb), 'into-notebook');
    const { symlink } = await import('node:fs/promises');
    await symlink(nb, link);
    for (const out of [
      path.join(nb, 'notebook.json'),
      path.join(nb, 'sources', 'new.md'),
      path.join(nb, 'brief.md'),
      path.join(link, 'notebook.json'),
    ]) {
      const r = await run('--notebook', nb, 'brief', 'export', briefId, '--format', 'md', '--out', out);
      expect(r.code, out).toBe(1);
      expect(r.err, out).toMatch(/is inside the notebook folder/);
    }
    expect(await readFile(path.join(nb, 'notebook.json'), 'utf8')).toBe(manifest);
    expect(existsSync(path.join(nb, 'brief.md'))).toBe(false);
    const ok = await run('--notebook', nb, 'brief', 'export', briefId, '--format', 'md', '--out', `${nb}-brief.md`);
    expect(ok.code).toBe(0);
  });
});

describe('import exit code', () => {
  it('is 1 when nothing was added and something was rejected; 0 for duplicates only, or some added', async () => {
    const dir = await scratch();
    const nb = path.join(dir, 'imp.dossier');
    const junk = path.join(dir, 'junk.txt');
    await writeFile(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const rejected = await run('--notebook', nb, 'import', junk);
    expect(rejected.code).toBe(1);
    expect(rejected.out).toMatch(/0 added, 0 skipped, 1 rejected/);
    expect(rejected.err).toMatch(/^dossier: nothing was imported: 1 file was rejected/);
    const some = await run('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'), junk);
    expect(some.code).toBe(0);
    const duplicates = await run('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
    expect(duplicates.code).toBe(0);
    expect(duplicates.out).toMatch(/0 added, 1 skipped, 0 rejected/);
    const both = await run('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'), junk, '--json');
    expect(both.code).toBe(1);
    expect(JSON.parse(both.out)).toMatchObject({ added: [], rejected: [{ name: 'junk.txt' }] });
  });
});

describe('--notebook on a folder that is not a notebook', () => {
  it('refuses a non-empty folder without notebook.json and leaves it as it was', async () => {
    const dir = path.join(await scratch(), 'my-documents');
    await mkdir(dir);
    await writeFile(path.join(dir, 'taxes-2025.txt'), 'fictional private file\n');
    for (const argv of [['tag', 'add', 'Wind'], ['import', path.join(FIXTURES, 'harbour-accord.txt')], ['sources']]) {
      const r = await run('--notebook', dir, ...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err).toMatch(/is not a Dossier notebook/);
    }
    expect(await readdir(dir)).toEqual(['taxes-2025.txt']);
  });

  it('says a notebook lost its notebook.json, rather than starting a new one over its sources', async () => {
    const nb = path.join(await scratch(), 'lost.dossier');
    await runJson('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
    const { rm } = await import('node:fs/promises');
    await rm(path.join(nb, 'notebook.json'));
    const r = await run('--notebook', nb, 'tag', 'add', 'Wind');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/has a sources folder but no notebook\.json: restore notebook\.json from a backup/);
    expect(existsSync(path.join(nb, 'notebook.json'))).toBe(false);
  });

  it('accepts an empty folder and a missing one', async () => {
    const base = await scratch();
    await mkdir(path.join(base, 'empty'));
    expect((await run('--notebook', path.join(base, 'empty'), 'tag', 'add', 'Wind')).code).toBe(0);
    expect((await run('--notebook', path.join(base, 'new'), 'tag', 'add', 'Wind')).code).toBe(0);
    expect(existsSync(path.join(base, 'new', 'notebook.json'))).toBe(true);
  });
});
