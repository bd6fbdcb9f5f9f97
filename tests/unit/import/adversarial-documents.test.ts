/**
 * The whole extraction (extractDocument) on 1 MB documents built to make a
 * backtracking regular expression or a tree walk explode: long runs of what a
 * pattern repeats, with no newline and no match at the end, in every text
 * format. Each must finish (with a document or an ImportRejection) within a
 * generous budget even on a loaded machine; a quadratic step takes minutes.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument, ImportRejection } from '../../../main/services/import/extract';

const MB = 1 << 20;
const BUDGET_MS = 10_000;
const fill = (unit: string, size = MB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const enc = (s: string) => new TextEncoder().encode(s);
const ARTICLE = 'An article sentence that is long enough to read as prose. '.repeat(20);

const RUNS: Array<[string, string]> = [
  ['spaces', ' '],
  ['spaces then a letter', '  x'],
  ['tabs and spaces', ' \t'],
  ['hashes', '#'],
  ['hash and space', '# '],
  ['stars', '*'],
  ['underscores', '_'],
  ['brackets', '['],
  ['image openers', '!['],
  ['bangs', '!'],
  ['angle brackets', '<'],
  ['ampersands', '&'],
  ['entity starts', '&#1'],
  ['double quotes', '"'],
  ['single quotes', "'"],
  ['digits', '1'],
  ['digit groups', '1 000 '],
  ['dashes', '-'],
  ['dash and space', '- '],
  ['"a "', 'a '],
  ['full stops', '. '],
  ['commas', ', '],
  ['pipes', ' | '],
  ['backslashes', '\\'],
  ['copyright', '© '],
  ['list markers', '1. '],
  ['quote markers', '> '],
  ['percent', '1 %'],
];

/** The runs of the HTML cases: what the HTML reader's own patterns (entities, attributes, titles) repeat. */
const HTML_RUNS = [' ', '<', '&', '&#1', '"', '1 000 ', 'a ', ' | ', '© '];

async function timed(name: string, content: string): Promise<number> {
  const start = performance.now();
  try {
    await extractDocument({ name, bytes: enc(content) });
  } catch (err) {
    if (!(err instanceof ImportRejection)) throw err;
  }
  return performance.now() - start;
}

describe('extraction stays linear on 1 MB adversarial documents', () => {
  for (const [label, unit] of RUNS) {
    it(`Markdown and plain text: a 1 MB run of ${label}`, async () => {
      const body = `${fill(unit)}x`;
      expect(await timed('attack.md', body)).toBeLessThan(BUDGET_MS);
      expect(await timed('attack.txt', body)).toBeLessThan(BUDGET_MS);
    });
  }
  // HTML parses each through jsdom (a second or two per megabyte): the runs its own patterns repeat.
  for (const [label, unit] of RUNS.filter(([, u]) => HTML_RUNS.includes(u))) {
    it(`HTML: a 1 MB run of ${label} in a paragraph and in the title`, async () => {
      const html = `<!doctype html><html><head><title>${fill(unit, 4096)}</title></head><body><p>${fill(unit)}x</p></body></html>`;
      expect(await timed('attack.html', html)).toBeLessThan(BUDGET_MS);
    });
  }

  it('HTML: a 1 MB attribute name in a <meta> tag', async () => {
    const html = `<html><head><meta ${fill('a')}></head><body><p>${ARTICLE}</p></body></html>`;
    expect(await timed('attack.html', html)).toBeLessThan(BUDGET_MS);
  });

  it('Markdown: front matter followed by a 1 MB line of spaces', async () => {
    expect(await timed('attack.md', `---\ntitle: ${fill(' ', 4096)}x\n---\n${fill(' ')}x`)).toBeLessThan(BUDGET_MS);
  });

  it('Markdown: a 1 MB heading line ending in spaces and hashes', async () => {
    expect(await timed('attack.md', `# a${fill(' #')}x`)).toBeLessThan(BUDGET_MS);
  });
});

describe('deeply nested HTML is rejected before it gets slow', () => {
  const page = (tail: string) => enc(`<html><body><p>${ARTICLE}</p>${tail}</body></html>`);
  const rejects = async (tail: string) => {
    const start = performance.now();
    await expect(extractDocument({ name: 'nested.html', bytes: page(tail) })).rejects.toThrow(
      /nested more than 250 levels/,
    );
    return performance.now() - start;
  };

  // Both nest 3,000 levels deep: `<div/>` opens a div, `</b>` with no <b> open closes nothing.
  it('3,000 self-closed <div/>', async () => {
    expect(await rejects('<div/>'.repeat(3000))).toBeLessThan(BUDGET_MS);
  });
  it('<div></b> ×3,000', async () => {
    expect(await rejects('<div></b>'.repeat(3000))).toBeLessThan(BUDGET_MS);
  });
  it('nesting the tags do not show (<p><marquee> ×200 is 400 levels) is measured on the parsed tree', async () => {
    expect(await rejects('<p><marquee>'.repeat(200))).toBeLessThan(BUDGET_MS);
  });
  it('an SVG of 400 self-closed shapes is not nesting', async () => {
    const doc = await extractDocument({
      name: 'page.html',
      bytes: page(`<svg>${'<path d="M0 0"/>'.repeat(400)}</svg>`),
    });
    expect(doc.text).toContain('An article sentence');
  });
});

describe('Markdown front matter: only an http(s) url is a source URL', () => {
  const md = (url: string) =>
    enc(
      `---\ntitle: A headline about the harbour\nurl: ${url}\n---\n\n${'The harbour reopened on Monday after repairs. '.repeat(6)}\n`,
    );
  for (const url of [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
  ]) {
    it(`drops ${url.split(':')[0]}: URLs`, async () => {
      const doc = await extractDocument({ name: 'note.md', bytes: md(url) });
      expect(doc.url).toBeUndefined();
    });
  }
  it('keeps an https URL', async () => {
    const doc = await extractDocument({ name: 'note.md', bytes: md('https://example.org/harbour') });
    expect(doc.url).toBe('https://example.org/harbour');
  });
});
