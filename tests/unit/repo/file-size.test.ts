/**
 * One job per module: no source file in main/, renderer/ or shared/ grows
 * past 500 lines unless its header says why, in a comment line starting with
 * `Size:` among its first 30 lines, e.g.
 *
 *    * Size: one React component whose state and handlers belong together.
 *
 * A file over the limit without that line is listed here, so it gets split
 * by job (or its reason written down) before it lands.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const MAX_LINES = 500;
/** Source files (data files such as the actor lexicon's JSON are not code). */
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx|css|html)$/;
/** The reason marker: a comment line `Size: <why>` (after `*`, `//` or `/*`). */
const SIZE_REASON = /^\s*(?:\*|\/\/|\/\*)\s*Size:\s*\S/;

/** Why a file is over the limit, if its header says (the marker in its first 30 lines). */
export function sizeReason(source: string): string | undefined {
  const line = source
    .split('\n')
    .slice(0, 30)
    .find((l) => SIZE_REASON.test(l));
  return line?.replace(/^\s*(?:\*|\/\/|\/\*)\s*Size:\s*/, '').trim();
}

/** Lines of a file's text (a final newline does not start another line). */
export function lineCount(source: string): number {
  if (source === '') return 0;
  return source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
}

/** `path: N lines` for each file over the limit whose header gives no reason. */
export function offenders(files: Array<{ path: string; source: string }>): string[] {
  return files
    .filter((f) => lineCount(f.source) > MAX_LINES && sizeReason(f.source) === undefined)
    .map((f) => `${f.path}: ${lineCount(f.source)} lines`);
}

function sourceFiles(): Array<{ path: string; source: string }> {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', 'main', 'renderer', 'shared'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return listed
    .split('\n')
    .filter((p) => SOURCE.test(p))
    .flatMap((p) => {
      try {
        return [{ path: p, source: readFileSync(path.join(root, p), 'utf8') }];
      } catch {
        return []; // listed but deleted in the work tree
      }
    });
}

const lines = (n: number, header = '') => `${header}${'x\n'.repeat(n)}`;

describe('module size', () => {
  it('lists a file over 500 lines that gives no reason, and only such files', () => {
    expect(
      offenders([
        { path: 'at-limit.ts', source: lines(500) },
        { path: 'over.ts', source: lines(501) },
        {
          path: 'over-with-reason.ts',
          source: lines(
            520,
            '/**\n * A module.\n *\n * Size: one state machine; its states read best together.\n */\n',
          ),
        },
        { path: 'reason-too-late.ts', source: lines(40) + '// Size: said after line 30\n' + lines(480) },
        { path: 'empty-reason.ts', source: '// Size:\n' + lines(600) },
      ]),
    ).toEqual(['over.ts: 501 lines', 'reason-too-late.ts: 521 lines', 'empty-reason.ts: 601 lines']);
  });

  it('reads the reason from a line comment or a block comment', () => {
    expect(sizeReason('// Size: generated table\n')).toBe('generated table');
    expect(sizeReason('/**\n * Size: one component\n */\n')).toBe('one component');
    expect(sizeReason('const size = "Size: not a comment";\n')).toBeUndefined();
  });

  it('no file in main/, renderer/ or shared/ is over 500 lines without a reason in its header', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(offenders(files)).toEqual([]);
  });
});
