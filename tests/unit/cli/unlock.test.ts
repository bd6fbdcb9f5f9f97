/** dossier unlock: who holds a notebook's lock, and removing one whose owner is gone — only when confirmed. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/dossier';
import { tempDir } from '../../helpers/temp-dir';
import { run, runJson } from './run-cli';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A notebook whose .lock names `lock` (a fictional owner). */
async function lockedNotebook(lock: object): Promise<string> {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const nb = path.join(t.dir, 'locked.dossier');
  await runJson('--notebook', nb, 'tag', 'add', 'Energy');
  await writeFile(path.join(nb, '.lock'), JSON.stringify(lock));
  return nb;
}

const OTHER_HOST = { pid: 4242, host: 'fictional-laptop.invalid', since: '2026-01-02T03:04:05.000Z', app: 'Dossier' };

/** Runs the CLI as on a terminal where the person answers `answer`. */
async function runAnswering(answer: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const questions: string[] = [];
  const code = await main(argv, {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    isTTY: true,
    ask: async (q) => {
      questions.push(q);
      return answer;
    },
  });
  return { code, out, err, questions };
}

describe('dossier unlock', () => {
  it('shows who holds another computer’s lock and removes it only with --yes', async () => {
    const nb = await lockedNotebook(OTHER_HOST);
    expect((await run('--notebook', nb, 'tag', 'add', 'Wind')).err).toMatch(/open in another process/);
    const shown = await run('--notebook', nb, 'unlock');
    expect(shown.code).toBe(1);
    expect(shown.err).toMatch(/fictional-laptop\.invalid/);
    expect(shown.err).toMatch(/pid 4242/);
    expect(shown.err).toMatch(/2026-01-02T03:04:05\.000Z/);
    expect(shown.err).toMatch(/Dossier/);
    expect(shown.err).toMatch(/dossier unlock --yes/);
    expect(existsSync(path.join(nb, '.lock'))).toBe(true);
    const removed = await runJson<{ removed: boolean; lock: { host: string } }>('--notebook', nb, 'unlock', '--yes');
    expect(removed).toEqual({ removed: true, lock: OTHER_HOST });
    expect(existsSync(path.join(nb, '.lock'))).toBe(false);
    expect((await run('--notebook', nb, 'tag', 'add', 'Wind')).code).toBe(0);
  });

  it('asks y/N on a terminal: only yes removes it', async () => {
    const nb = await lockedNotebook(OTHER_HOST);
    const no = await runAnswering('', '--notebook', nb, 'unlock');
    expect(no.questions[0]).toMatch(/fictional-laptop\.invalid[\s\S]*\[y\/N\]/);
    expect(no.code).toBe(1);
    expect(no.err).toMatch(/not removed/);
    expect(existsSync(path.join(nb, '.lock'))).toBe(true);
    const yes = await runAnswering('y', '--notebook', nb, 'unlock');
    expect(yes.code).toBe(0);
    expect(yes.out).toMatch(/Removed the lock/);
    expect(existsSync(path.join(nb, '.lock'))).toBe(false);
  });

  it('refuses, even with --yes, a lock whose process runs on this computer', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
    cleanups.push(async () => void holder.kill());
    const lock = { pid: holder.pid!, host: os.hostname(), since: new Date().toISOString(), app: 'Dossier' };
    const nb = await lockedNotebook(lock);
    const r = await run('--notebook', nb, 'unlock', '--yes');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`pid ${holder.pid}.*still running.*not removed`));
    expect(JSON.parse(await readFile(path.join(nb, '.lock'), 'utf8'))).toEqual(lock);
  });

  it('says when there is no lock, and escapes a hostile host name', async () => {
    const free = await lockedNotebook(OTHER_HOST);
    await runJson('--notebook', free, 'unlock', '--yes');
    const none = await run('--notebook', free, 'unlock');
    expect(none).toMatchObject({ code: 0, out: expect.stringMatching(/is not locked/) });
    const nb = await lockedNotebook({ ...OTHER_HOST, host: 'evil\u001b]52;c;Zm9v\u0007host' });
    const r = await run('--notebook', nb, 'unlock');
    expect(r.err).toContain('evil\\u{1b}]52;c;Zm9v\\u{7}host');
  });
});
