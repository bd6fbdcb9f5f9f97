/**
 * The fact-check settings from the command line: `status rating`, `status
 * scale`, `status list` and `notebook set`, through the same API the app uses.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { tempDir } from '../../helpers/temp-dir';

let nb: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const t = await tempDir('dossier-refs-cli-');
  cleanup = t.cleanup;
  nb = path.join(t.dir, 'cli.dossier');
});
afterAll(async () => cleanup?.());

const json = async <T>(...argv: string[]): Promise<T> => {
  const r = await runCli(nb, ...argv, '--json');
  expect(r.err, argv.join(' ')).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
};

describe('status and notebook commands', () => {
  it('list the statuses with no rating and no organisation in a new notebook', async () => {
    const r = await runCli(nb, 'status', 'list');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^refuted\s+\(no rating: not a verdict\)$/m);
    expect(r.out).toContain('Organisation: (not set)');
    expect(await json('status', 'list')).toEqual({
      statuses: ['unverified', 'corroborated', 'disputed', 'refuted'],
      factCheck: null,
    });
  });

  it('set a scale, ratings and the organisation; list shows them', async () => {
    await json('status', 'scale', '--worst', '0', '--best', '10');
    const rated = await json<{ ratings: Record<string, unknown> }>(
      'status',
      'rating',
      'refuted',
      '--value',
      '0',
      '--name',
      'Falskt',
    );
    expect(rated.ratings).toEqual({ refuted: { value: 0, name: 'Falskt' } });
    await json('status', 'rating', 'corroborated', '--value', '10', '--name', 'Sant');
    expect(await json('notebook', 'set', '--organisation', 'Faktakollen')).toEqual({ name: 'Faktakollen' });
    expect(await json('notebook', 'set', '--url', 'https://faktakollen.example.org/g')).toEqual({
      name: 'Faktakollen',
      url: 'https://faktakollen.example.org/g',
    });
    const list = await runCli(nb, 'status', 'list');
    expect(list.out).toMatch(/^refuted\s+0 {2}Falskt$/m);
    expect(list.out).toMatch(/^corroborated\s+10 {2}Sant$/m);
    expect(list.out).toContain('Scale: 0 (worst) to 10 (best)');
    expect(list.out).toContain('Organisation: Faktakollen <https://faktakollen.example.org/g>');
  });

  it('clear a rating, and refuse bad input with one line and a non-zero exit', async () => {
    await json('status', 'rating', 'corroborated', '--clear');
    expect((await runCli(nb, 'status', 'list')).out).toMatch(/^corroborated\s+\(no rating/m);
    const cases: Array<[string[], RegExp, number]> = [
      [['status', 'rating', 'bogus', '--value', '1', '--name', 'X'], /Unknown status "bogus"/, 1],
      [['status', 'rating', 'refuted', '--value', '11', '--name', 'X'], /scale 0–10/, 1],
      [['status', 'rating', 'refuted', '--value', 'many', '--name', 'X'], /--value takes a number/, 2],
      [['status', 'rating', 'refuted', '--value', '1'], /needs --value N and --name/, 2],
      [['status', 'scale', '--worst', '3', '--best', '3'], /differ/, 1],
      [['notebook', 'set', '--url', 'ftp://example.org/x'], /url|URL/, 1],
      [['notebook', 'set'], /needs --organisation/, 2],
    ];
    for (const [argv, message, code] of cases) {
      const r = await runCli(nb, ...argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.err, argv.join(' ')).toMatch(message);
    }
    expect((await runCli(nb, 'status', 'list')).out).toMatch(/^refuted\s+0 {2}Falskt$/m);
  });
});
