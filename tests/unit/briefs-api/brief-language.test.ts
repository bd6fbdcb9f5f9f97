/**
 * A brief's language through a real notebook session and the CLI: a new
 * brief takes the person's interface language from their settings, a change
 * of language is one undo step that survives reopening, an export can ask for
 * another language once, and `dossier brief language` / `--language` do the
 * same from the command line.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { main } from '../../../main/cli/dossier';
import { Brief } from '../../../shared/model';
import { tempDir } from '../../helpers/temp-dir';
import { ARTICLES, MINISTER } from './articles';

let root: string;
let dir: string;
let settingsDir: string;
let cleanup: () => Promise<void>;
let session: NotebookSession | undefined;
let actorId: string;

async function open(): Promise<NotebookSession> {
  session = await openNotebookSession(dir, { settingsDir });
  return session;
}

async function close(): Promise<void> {
  await session?.close();
  session = undefined;
}

async function api(method: Parameters<typeof callApi>[1], input: unknown): Promise<unknown> {
  const result = await callApi(session!.service, method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeEach(async () => {
  const t = await tempDir('dossier-brief-language-');
  cleanup = t.cleanup;
  root = t.dir;
  dir = path.join(root, 'Språk.dossier');
  settingsDir = path.join(root, 'config');
  const s = await open();
  const article = ARTICLES[1]!;
  const imported = await s.service.importFiles({
    files: [{ name: article.name, bytes: new TextEncoder().encode(article.html) }],
  });
  const claim = article.claims[0]!;
  await s.service.addClaimByQuote({
    sourceId: imported.added[0]!.id,
    quote: claim.quote,
    kind: 'claim',
    tags: [claim.tag],
    actors: [{ name: MINISTER, role: claim.role, kind: 'person', stance: claim.stance! }],
    occurrence: 0,
  });
  actorId = s.store.manifest.actors.find((a) => a.name === MINISTER)!.id;
});

afterEach(async () => {
  await close();
  await cleanup();
});

describe('a brief’s language (API)', () => {
  it('is the person’s interface language when the brief is created or drafted, unless asked for', async () => {
    await api('updateSettings', { language: 'en' });
    const english = Brief.parse(await api('createBrief', {}));
    expect(english).toMatchObject({ language: 'en', title: 'Untitled brief' });
    await api('updateSettings', { language: 'sv' });
    const swedish = Brief.parse(await api('createBrief', {}));
    expect(swedish).toMatchObject({ language: 'sv', title: 'Namnlöst PM' });
    const draft = Brief.parse(await api('draftBrief', { actorId }));
    expect(draft).toMatchObject({ language: 'sv', title: `PM: ${MINISTER}` });
    expect(JSON.stringify(draft.doc)).toContain(`Uttalanden av ${MINISTER}`);
    const asked = Brief.parse(await api('draftBrief', { actorId, language: 'en' }));
    expect(asked).toMatchObject({ language: 'en', title: `Brief: ${MINISTER}` });
    await expect(api('createBrief', { language: 'de' })).rejects.toThrow(/invalid-input/);
  });

  it('changes as one undo step, redoes, and survives reopening the notebook', async () => {
    const brief = Brief.parse(await api('draftBrief', { actorId, language: 'en' }));
    expect(brief.language).toBe('en');
    await api('updateBrief', { id: brief.id, language: 'sv' });
    expect(await api('getHistory', {})).toMatchObject({ undoLabel: 'Change brief language' });
    // The same language again is no change (no new undo step).
    await api('updateBrief', { id: brief.id, language: 'sv' });
    const language = async () => Brief.parse(await api('getBrief', { id: brief.id })).language;
    expect(await language()).toBe('sv');
    await api('undo', {});
    expect(await language()).toBe('en');
    await api('redo', {});
    expect(await language()).toBe('sv');
    await close();
    await open();
    expect(await language()).toBe('sv');
    const md = (await api('exportBrief', { briefId: brief.id, format: 'md' })) as { bytes: Uint8Array };
    expect(new TextDecoder().decode(md.bytes)).toContain('## Källor');
    // One export in English, the brief stays Swedish.
    const once = (await api('exportBrief', { briefId: brief.id, format: 'md', language: 'en' })) as {
      bytes: Uint8Array;
    };
    expect(new TextDecoder().decode(once.bytes)).toContain('## Sources');
    expect(await language()).toBe('sv');
  });

  it('a brief saved before briefs had a language exports in English', async () => {
    const brief = Brief.parse(await api('draftBrief', { actorId, language: 'sv' }));
    await close();
    // As an older Dossier wrote it: in notebook.json, with no language field.
    const file = path.join(dir, 'notebook.json');
    const briefFile = path.join(dir, 'briefs', `${brief.id}.json`);
    const { brief: saved } = JSON.parse(await readFile(briefFile, 'utf8')) as { brief: Record<string, unknown> };
    delete saved.language;
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...manifest, briefs: [saved] }));
    await rm(briefFile);
    await open();
    const stored = Brief.parse(await api('getBrief', { id: brief.id }));
    expect(stored.language).toBeUndefined();
    const md = (await api('exportBrief', { briefId: brief.id, format: 'md' })) as { bytes: Uint8Array };
    expect(new TextDecoder().decode(md.bytes)).toContain('## Sources');
  });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--notebook', dir, ...argv], {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    isTTY: false,
  });
  return { code, out, err };
}

describe('dossier brief language / --language (CLI)', () => {
  it('sets a brief’s language, exports in another once, and refuses a language it does not write', async () => {
    const brief = Brief.parse(await api('draftBrief', { actorId, language: 'en' }));
    await close(); // the CLI takes the notebook's lock itself
    const set = await run('brief', 'language', brief.id, 'sv');
    expect(set.err).toBe('');
    expect(set.out).toContain(`${brief.id}  ${brief.title} is now in sv`);
    const sv = path.join(root, 'sv.md');
    expect((await run('brief', 'export', brief.id, '--format', 'md', '--out', sv)).code).toBe(0);
    expect(await readFile(sv, 'utf8')).toContain('## Källor');
    const en = path.join(root, 'en.html');
    expect((await run('brief', 'export', brief.id, '--format', 'html', '--out', en, '--language', 'en')).code).toBe(0);
    expect(await readFile(en, 'utf8')).toContain('<h2>Sources</h2>');
    const bad = await run('brief', 'export', brief.id, '--format', 'md', '--out', sv, '--language', 'fr');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('unknown language "fr": use en|sv');
    const drafted = await run('brief', 'draft', '--actor', MINISTER, '--language', 'sv', '--json');
    expect(drafted.err).toBe('');
    expect(JSON.parse(drafted.out)).toMatchObject({ language: 'sv', title: `PM: ${MINISTER}` });
  });
});
