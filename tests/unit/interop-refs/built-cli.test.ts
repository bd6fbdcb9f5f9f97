/**
 * `dossier export csl|bibtex|ris|claimreview` run the way a person runs it:
 * the built CLI (out/cli/dossier.js, citation-js loaded from node_modules at
 * run time) on a notebook of fictional sources, printing `{path, format,
 * items}` (and what ClaimReview left out); the files are the exporters'.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, repoRoot } from '../../helpers/built-app';
import { tempDir } from '../../helpers/temp-dir';
import { fixtureNotebook, SOURCES } from './fixtures';

let dir: string;
let nb: string;
let ids: string[];
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('dossier-refs-built-'));
  const made = await fixtureNotebook(dir);
  nb = made.session.dir;
  ids = made.sources.map((s) => s.id);
  await made.session.service.addClaimByQuote({
    sourceId: ids[0]!,
    quote: 'Ministern säger att det inte finns något val.',
    status: 'refuted',
    kind: 'claim',
    tags: [],
    actors: [{ name: 'Åsa Öberg', role: 'speaker', kind: 'person' }],
    occurrence: 0,
  });
  await made.session.service.addClaimByQuote({
    sourceId: ids[1]!,
    quote: 'La ministre parle d’un tournant.',
    kind: 'claim',
    tags: [],
    actors: [],
    occurrence: 0,
  });
  await made.session.close();
}, 60_000);
afterAll(async () => cleanup?.());

function dossier(...argv: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, BUILT.cli), '--notebook', nb, ...argv], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each run starts a Node process (about a second alone, several on a busy shared machine).
describe('the built CLI exports references and fact checks', { timeout: 120_000 }, () => {
  it('writes every source as CSL-JSON, BibTeX and RIS and prints {path, format, items}', async () => {
    for (const [format, name] of [
      ['csl', 'refs.json'],
      ['bibtex', 'refs.bib'],
      ['ris', 'refs.ris'],
    ] as const) {
      const out = path.join(dir, name);
      const r = dossier('export', format, '--out', out, '--json');
      expect(r.err, format).toBe('');
      expect(r.code, format).toBe(0);
      expect(JSON.parse(r.out)).toEqual({ path: out, format, items: SOURCES.length });
      const text = await readFile(out, 'utf8');
      for (const id of ids) expect(text, `${format} names ${id}`).toContain(id);
    }
    const csl = JSON.parse(await readFile(path.join(dir, 'refs.json'), 'utf8')) as Array<{ title: string }>;
    expect(csl.map((i) => i.title)).toEqual(SOURCES.map((s) => s.meta.title));
  });

  it('exports only the sources given with --source; an unknown one fails with one line', async () => {
    const out = path.join(dir, 'one.bib');
    const r = dossier('export', 'bibtex', '--source', ids[2]!, '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ path: out, format: 'bibtex', items: 1 });
    const bib = await readFile(out, 'utf8');
    expect(bib).toContain(`@article{${ids[2]},`);
    expect(bib).toContain('von der Leyen, Ursula');
    expect(bib.match(/@article\{/g)).toHaveLength(1);

    const bad = dossier('export', 'ris', '--source', 'src_nosuchsource', '--out', path.join(dir, 'x.ris'));
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/src_nosuchsource/);
  });

  it('ClaimReview: refuses without the organisation, then exports the rated claim and says what it left out', async () => {
    const out = path.join(dir, 'checks.jsonld');
    const refused = dossier('export', 'claimreview', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/dossier notebook set --organisation/);

    expect(dossier('notebook', 'set', '--organisation', 'Faktakollen', '--url', 'https://fk.example.org/g').code).toBe(
      0,
    );
    expect(dossier('status', 'rating', 'refuted', '--value', '1', '--name', 'Falskt').code).toBe(0);
    const r = dossier('export', 'claimreview', '--out', out, '--json');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({
      path: out,
      format: 'claimreview',
      items: 1,
      omitted: { count: 1, reason: 'claims whose status has no rating (not a verdict)' },
    });
    const [review] = JSON.parse(await readFile(out, 'utf8')) as Array<Record<string, unknown>>;
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'Ministern säger att det inte finns något val.',
      reviewRating: { alternateName: 'Falskt', ratingValue: 1 },
    });
    const text = dossier('export', 'claimreview', '--out', out);
    expect(text.out.trim()).toBe(
      `Wrote ${out} (ClaimReview fact-checks, 1 item; 1 left out: claims whose status has no rating (not a verdict))`,
    );
  });
});
