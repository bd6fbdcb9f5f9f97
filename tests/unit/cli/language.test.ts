/**
 * The CLI speaks the person's language: their setting (the settings.json the
 * app shares), else the locale environment — its help, its own lines and the
 * API's errors alike. The built CLI too.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT, repoRoot } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';
import { FIXTURES, run, runJson } from './run-cli';

const cleanups: Array<() => Promise<void>> = [];
const configBefore = process.env.DOSSIER_CONFIG_DIR;
afterEach(async () => {
  process.env.DOSSIER_CONFIG_DIR = configBefore;
  while (cleanups.length) await cleanups.pop()!();
});

/** A configuration folder whose settings choose `language`, and a notebook folder beside it. */
async function withLanguage(language: string): Promise<{ config: string; nb: string }> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const config = path.join(t.dir, 'config');
  await import('node:fs/promises').then((fs) => fs.mkdir(config));
  await writeFile(path.join(config, 'settings.json'), JSON.stringify({ language }));
  return { config, nb: path.join(t.dir, 'sv.dossier') };
}

describe('the CLI in the person’s language', () => {
  it('prints help, its own lines and the API’s errors in Swedish when the settings say so', async () => {
    const { config, nb } = await withLanguage('sv');
    process.env.DOSSIER_CONFIG_DIR = config;

    const help = await run('--help');
    expect(help.out).toContain('Användning: dossier <kommando> [flaggor]');
    expect(help.out).toContain('Kommandon:');
    expect(help.out).toContain('sources                      lista anteckningsbokens källor');
    expect(help.out).not.toMatch(/list the notebook's sources/);

    await runJson('--notebook', nb, 'import', path.join(FIXTURES, 'harbour-accord.txt'));
    const undone = await run('--notebook', nb, 'undo');
    expect(undone.out.trim()).toMatch(/^Ångrade: .+ \(inget mer att ångra\)$/);
    const again = await run('--notebook', nb, 'undo');
    expect(again.code).toBe(1);
    expect(again.err.trim()).toBe('dossier: Det finns inget att ångra.');

    // An error made in the services, reaching the CLI through the API.
    const missing = await run('--notebook', nb, 'show', 'no-such-source');
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe(
      'dossier: Ingen källa med id eller titel "no-such-source" i den här anteckningsboken.',
    );
    expect((await run('--notebook', nb, 'tag', 'list')).out.trim()).toBe('Inga etiketter än.');
    const usage = await run('--notebook', nb, 'tag', 'add');
    expect(usage.code).toBe(2);
    expect(usage.err.trim()).toBe('dossier: tag add behöver ett namn. Prova: dossier --help');
    const unknown = await run('--notebook', nb, 'frobnicate');
    expect(unknown.err.trim()).toBe('dossier: okänt kommando "frobnicate". Prova: dossier --help');
  }, 120_000);

  it('speaks English with the English setting, whatever the environment says', async () => {
    const { config, nb } = await withLanguage('en');
    process.env.DOSSIER_CONFIG_DIR = config;
    const before = process.env.LC_MESSAGES;
    process.env.LC_MESSAGES = 'sv_SE.UTF-8';
    try {
      const missing = await run('--notebook', nb, 'show', 'nothing');
      expect(missing.err.trim()).toBe('dossier: No source with id or title "nothing" in this notebook.');
    } finally {
      process.env.LC_MESSAGES = before;
    }
  });

  it('follows the locale environment when the setting is "system" (the built CLI)', async () => {
    const { config, nb } = await withLanguage('system');
    const cli = (lang: string) =>
      spawnSync(process.execPath, [path.join(repoRoot, BUILT.cli), '--notebook', nb, 'undo'], {
        encoding: 'utf8',
        env: { ...process.env, DOSSIER_CONFIG_DIR: config, LC_ALL: '', LC_MESSAGES: '', LANG: lang },
      });
    expect(cli('sv_SE.UTF-8').stderr.trim()).toBe('dossier: Det finns inget att ångra.');
    expect(cli('C.UTF-8').stderr.trim()).toBe('dossier: Nothing to undo.');
  }, 60_000);
});
