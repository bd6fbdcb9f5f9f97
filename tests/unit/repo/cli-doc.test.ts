/**
 * docs/cli.md quotes `dossier --help` verbatim and documents every command;
 * this keeps the page and the CLI in step.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../../main/cli/dossier';
import { IMPORTABLE_EXTENSIONS } from '../../../shared/enums';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const doc = readFileSync(path.join(root, 'docs/cli.md'), 'utf8');

async function help(): Promise<string> {
  let out = '';
  const code = await main(['--help'], { out: (t) => (out += `${t}\n`), err: () => undefined, isTTY: false });
  expect(code).toBe(0);
  return out.trimEnd();
}

describe('docs/cli.md', () => {
  it('quotes the current `dossier --help` output exactly', async () => {
    const quoted = /`node bin\/dossier\.mjs --help` prints:\n\n```\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(quoted, 'the help block in docs/cli.md').toBeDefined();
    expect(quoted).toBe(await help());
  });

  it('has a section for every command', () => {
    const sections = [...doc.matchAll(/^### `([^`]+)`/gm)].map((m) => m[1]!);
    for (const command of COMMANDS) {
      expect(
        sections.some((s) => s === command.name || s.startsWith(`${command.name} `)),
        `### \`${command.name} …\``,
      ).toBe(true);
    }
  });

  it('names every file extension import reads', () => {
    const section = /^### `import [\s\S]*?(?=^### )/m.exec(doc)?.[0] ?? '';
    const named = [...section.matchAll(/`\.([a-z]+)`/g)].map((m) => m[1]!);
    expect([...new Set(named)].sort()).toEqual([...IMPORTABLE_EXTENSIONS].sort());
  });

  it('documents every option a command accepts', () => {
    for (const command of COMMANDS) {
      for (const option of Object.keys(command.options ?? {})) {
        expect(doc.includes(`--${option}`), `--${option} of ${command.name}`).toBe(true);
      }
    }
  });
});
