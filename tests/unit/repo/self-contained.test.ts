/**
 * The repository explains itself: nothing it tracks points at a document
 * outside it (the design notes the project started from, a path that climbs
 * out of the checkout, a machine path) or at an issue tracker's numbers, and
 * every relative link in its Markdown leads to a file — and a heading — that
 * exists. A maintainer with only the clone must be able to follow every
 * pointer. Each failure is listed as file:line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Tracked text files: `git ls-files`, minus the lock file, vendored folders and anything binary. */
function trackedTextFiles(): Array<{ file: string; lines: string[] }> {
  const names = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const out: Array<{ file: string; lines: string[] }> = [];
  for (const file of names) {
    if (file === 'package-lock.json' || file.split('/').includes('node_modules')) continue;
    const full = path.join(root, file);
    if (!existsSync(full)) continue; // deleted in the work tree, not yet committed
    const bytes = readFileSync(full);
    if (bytes.subarray(0, 8000).includes(0)) continue; // binary (PDF, DOCX, fonts)
    out.push({ file, lines: bytes.toString('utf8').split('\n') });
  }
  return out;
}

const files = trackedTextFiles();

/** Ways a text points outside the repository or at an issue tracker. */
export const FORBIDDEN: Array<{ what: string; pattern: RegExp }> = [
  { what: 'the design notes outside the repository', pattern: /\bdesign\.md\b/i },
  { what: 'an issue number', pattern: /\bissues?\s+#?\d+\b/i },
  { what: 'an issue number', pattern: /\((?:#|gh-)\d+\)/i },
  {
    what: 'an issue number',
    pattern: /\b(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?|refs?|see|pr|pull request|bug|ticket)\s+#\d+\b/i,
  },
  { what: 'an issue number', pattern: /\bgh-\d+\b/i },
  { what: 'an issue or pull request URL', pattern: /github\.com\/[^\s/]+\/[^\s/]+\/(?:issues|pull)\/\d+/ },
  { what: 'a path on the build machine', pattern: /(?:^|[\s'"`(])\/work\// },
];

/** A relative path written anywhere (import, link, comment): `../x`, `../../y/z`. */
const RELATIVE_PATH = /(?<![\w./])(?:\.\.\/)+[\w@.-]*/g;

function findForbidden(list: Array<{ file: string; lines: string[] }>): string[] {
  const problems: string[] = [];
  for (const { file, lines } of list) {
    lines.forEach((line, i) => {
      for (const { what, pattern } of FORBIDDEN) {
        if (pattern.test(line)) {
          problems.push(`${file}:${i + 1}: ${what}: ${line.trim().slice(0, 140)}`);
          break;
        }
      }
    });
  }
  return problems;
}

function findEscapingPaths(list: Array<{ file: string; lines: string[] }>): string[] {
  const problems: string[] = [];
  for (const { file, lines } of list) {
    const dir = path.dirname(path.join(root, file));
    lines.forEach((line, i) => {
      for (const m of line.matchAll(RELATIVE_PATH)) {
        const target = path.resolve(dir, m[0]);
        if (target !== root && !target.startsWith(root + path.sep)) {
          problems.push(`${file}:${i + 1}: ${m[0]} leads out of the repository`);
        }
      }
    });
  }
  return problems;
}

// ---------------------------------------------------------------- Markdown links

/** GitHub's heading anchors: lower case, punctuation other than - and _ dropped, spaces → '-'; repeats get -1, -2… */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** `[text](target)` links outside code spans and fenced blocks, with their line numbers. */
export function markdownLinks(markdown: string): Array<{ line: number; target: string }> {
  const out: Array<{ line: number; target: string }> = [];
  let fenced = false;
  markdown.split('\n').forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    if (fenced) return;
    const line = raw.replace(/`[^`]*`/g, '``');
    for (const m of line.matchAll(/\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)/g)) out.push({ line: i + 1, target: m[1]! });
  });
  return out;
}

function brokenLinks(markdownFiles: string[]): string[] {
  const problems: string[] = [];
  for (const file of markdownFiles) {
    const full = path.join(root, file);
    for (const { line, target } of markdownLinks(readFileSync(full, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: — not a file
      const [pathPart, fragment] = target.split('#', 2) as [string, string | undefined];
      const resolved = pathPart ? path.resolve(path.dirname(full), decodeURIComponent(pathPart)) : full;
      const where = `${file}:${line}: ${target}`;
      if (resolved !== root && !resolved.startsWith(root + path.sep)) {
        problems.push(`${where} leads out of the repository`);
        continue;
      }
      if (!existsSync(resolved)) {
        problems.push(`${where} does not exist`);
        continue;
      }
      if (
        fragment &&
        resolved.endsWith('.md') &&
        statSync(resolved).isFile() &&
        !headingAnchors(readFileSync(resolved, 'utf8')).has(fragment)
      ) {
        problems.push(`${where}: no heading with that anchor`);
      }
    }
  }
  return problems;
}

/** Paths the docs name in `code spans` (`main/services/store/`, `shared/api/*.ts`) that are not in the tree. */
function missingNamedPaths(list: Array<{ file: string; lines: string[] }>): string[] {
  const problems: string[] = [];
  const top = /^(?:shared|main|renderer|tests|bench|scripts|docs|bin|\.ci)\/[\w@./*-]*$/;
  for (const { file, lines } of list) {
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/`([^`\s]+)`/g)) {
        const named = m[1]!.replace(/[.,:;]$/, '');
        if (!top.test(named)) continue;
        // A glob names its folder: that must exist.
        const existing = named.includes('*') ? named.slice(0, named.indexOf('*')).replace(/[^/]*$/, '') : named;
        if (!existsSync(path.join(root, existing)))
          problems.push(`${file}:${i + 1}: ${named} is not in the repository`);
      }
    });
  }
  return problems;
}

/** Mentions of a docs/…md file anywhere (code comments, help text, tests) that do not exist. */
function missingDocMentions(list: Array<{ file: string; lines: string[] }>): string[] {
  const problems: string[] = [];
  for (const { file, lines } of list) {
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/(?<![\w./-])docs\/[\w./-]+\.md\b/g)) {
        if (!existsSync(path.join(root, m[0]))) problems.push(`${file}:${i + 1}: ${m[0]} does not exist`);
      }
    });
  }
  return problems;
}

const markdownInScope = files
  .map((f) => f.file)
  .filter((f) => f === 'README.md' || (f.startsWith('docs/') && f.endsWith('.md')) || f.endsWith('/README.md'));

describe('the repository is self-contained', () => {
  it('scans the tracked text files (and finds the docs among them)', () => {
    const names = new Set(files.map((f) => f.file));
    expect(names.has('docs/ARCHITECTURE.md')).toBe(true);
    expect(names.has('shared/model.ts')).toBe(true);
    expect(names.has('package-lock.json')).toBe(false);
    expect(markdownInScope).toContain('README.md');
  });

  it('no file points at the outside design notes, an issue number or a machine path', () => {
    expect(findForbidden(files)).toEqual([]);
  });

  it('no relative path climbs out of the repository', () => {
    expect(findEscapingPaths(files)).toEqual([]);
  });

  it('every relative link in README.md and docs/ leads to a file (and heading) that exists', () => {
    expect(brokenLinks(markdownInScope)).toEqual([]);
  });

  it('every repository path the docs name in code spans exists', () => {
    expect(missingNamedPaths(files.filter((f) => markdownInScope.includes(f.file)))).toEqual([]);
  });

  it('every docs/ file that code, tests or docs mention exists', () => {
    expect(missingDocMentions(files)).toEqual([]);
  });

  it('renderer/README.md lists every folder of renderer/src', () => {
    const readme = readFileSync(path.join(root, 'renderer/README.md'), 'utf8');
    const folders = readdirSync(path.join(root, 'renderer/src'), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    );
    expect(folders.length).toBeGreaterThan(5);
    expect(folders.map((d) => d.name).filter((name) => !readme.includes(`\`src/${name}/\``))).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  const sample = (text: string, file = 'guide/sample.md') => [{ file, lines: text.split('\n') }];

  it('flags the design notes, issue numbers and machine paths, with file:line', () => {
    // Built from parts, so that this file does not contain what it looks for.
    const hash = '#';
    const lines = [
      'ok',
      `as ${['DESIGN', 'md'].join('.')} says`,
      `Search (${['issue', 6].join(' ')})`,
      `fixes ${hash}12`,
      `see (${hash}7)`,
      `cat ${'/'}work/shared/x`,
      `See ${'GH'}-31`,
    ];
    const found = findForbidden(sample(lines.join('\n')));
    expect(found.map((p) => p.split(':').slice(0, 2).join(':'))).toEqual([
      'guide/sample.md:2',
      'guide/sample.md:3',
      'guide/sample.md:4',
      'guide/sample.md:5',
      'guide/sample.md:6',
      'guide/sample.md:7',
    ]);
  });

  it('does not flag colours, HTML entities or ordinary numbers', () => {
    expect(findForbidden(sample("color: '#888'; background: #555; &#39; 12 issues were found; tissue 4"))).toEqual([]);
  });

  it('flags a path that climbs out of the repository, not one that stays inside', () => {
    expect(findEscapingPaths(sample("import x from '../shared/model';", 'bench/x.ts'))).toEqual([]);
    expect(findEscapingPaths(sample('[notes](../shared/notes.md)', 'README.md'))).toHaveLength(1);
    expect(findEscapingPaths(sample(`import x from '${'../'.repeat(4)}y';`, 'main/cli/x.ts'))).toHaveLength(1);
  });

  it('flags named paths and doc mentions that are not in the tree', () => {
    const nowhere = ['docs', 'nowhere.md'].join('/');
    // Built at run time, so this file does not itself name a path outside the repository.
    const outsideHook = ['shared', 'hooks', 'check'].join('/');
    expect(missingDocMentions(sample(`see docs/storage.md and ${nowhere}`, 'main/x.ts'))).toEqual([
      `main/x.ts:1: ${nowhere} does not exist`,
    ]);
    expect(
      missingNamedPaths(
        sample(
          `\`shared/model.ts\`, \`shared/api/*.ts\`, \`ids.ts\`, \`main/services/store/\`\n\`${outsideHook}\`, \`tests/nowhere/*.ts\``,
        ),
      ),
    ).toEqual([
      `guide/sample.md:2: ${outsideHook} is not in the repository`,
      'guide/sample.md:2: tests/nowhere/*.ts is not in the repository',
    ]);
  });

  it('computes GitHub heading anchors and finds links outside code', () => {
    const anchors = headingAnchors(
      '# Title\n## One writer per notebook: `.lock`\n## `schemaVersion` and migrations\n## Title\n```\n# not a heading\n```',
    );
    expect([...anchors]).toEqual(['title', 'one-writer-per-notebook-lock', 'schemaversion-and-migrations', 'title-1']);
    expect(
      markdownLinks('see [a](a.md#x) and `[b](b.md)`\n```\n[c](c.md)\n```\n[d](https://example.org "title")'),
    ).toEqual([
      { line: 1, target: 'a.md#x' },
      { line: 5, target: 'https://example.org' },
    ]);
  });
});
