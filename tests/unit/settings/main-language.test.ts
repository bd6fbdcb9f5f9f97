/**
 * Main's language: the person's setting, else the system's; errors made in
 * the services reach the caller in it, and follow a change of the setting at
 * once.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DossierError, sayError, toApiError } from '../../../shared/errors';
import { createTranslator } from '../../../shared/i18n';
import { SCHEMA_VERSION } from '../../../shared/model';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { environmentLanguages, resolveLanguage, translatorFor } from '../../../main/services/settings/language';
import { UserSettingsStore } from '../../../main/services/settings/user-settings';
import { NotebookStore } from '../../../main/services/store/notebook-store';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A session of a new notebook; `prepare` may fill it and `damage` spoil its files before it is opened again. */
async function session(
  options: { prepare?: (s: NotebookSession) => Promise<void>; damage?: (dir: string) => Promise<void> } = {},
): Promise<NotebookSession> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-language-'));
  const dir = path.join(root, 'n.dossier');
  const open = () => openNotebookSession(dir, { settingsDir: path.join(root, 'config') });
  let s = await open();
  if (options.damage) {
    await options.prepare?.(s);
    await s.close();
    await options.damage(dir);
    s = await open();
  }
  cleanups.push(async () => {
    await s.close();
    await rm(root, { recursive: true, force: true });
  });
  return s;
}
const value = async <T>(result: Promise<unknown>) => ((await result) as { value: T }).value;
const message = async (result: Promise<unknown>) => ((await result) as { error: { message: string } }).error.message;

describe('the language main speaks', () => {
  it('reads the locale environment the POSIX way, C meaning English', () => {
    expect(environmentLanguages({ LANG: 'sv_SE.UTF-8' })).toEqual(['sv_SE.UTF-8']);
    expect(environmentLanguages({ LC_ALL: 'C.UTF-8', LANG: 'sv_SE.UTF-8' })).toEqual(['en']);
    expect(environmentLanguages({ LC_MESSAGES: 'sv_FI', LANG: 'en_GB.UTF-8' })).toEqual(['sv_FI']);
    expect(environmentLanguages({ LANG: 'POSIX' })).toEqual(['en']);
    expect(environmentLanguages({})).toHaveLength(1);
    expect(resolveLanguage('sv')).toBe('sv');
  });

  it('says an API error in the person’s language, and switches when the setting changes', async () => {
    const s = await session();
    const english = await callApi(s.service, 'getSource', { id: 'nope' });
    expect(english).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No source with id "nope" in this notebook.' },
    });
    await callApi(s.service, 'updateSettings', { language: 'sv' });
    const swedish = await callApi(s.service, 'getSource', { id: 'nope' });
    expect(swedish).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Ingen källa med id "nope" i den här anteckningsboken.' },
    });
    expect(s.translator().language).toBe('sv');
  });

  it('names an action in the history in the language it was made in', async () => {
    const s = await session();
    const label = async () => ((await callApi(s.service, 'getHistory', {})) as { value: { undoLabel?: string } }).value;
    expect((await callApi(s.service, 'createTag', { name: 'Hamn' })).ok).toBe(true);
    expect((await label()).undoLabel).toBe('Create tag “Hamn”');
    await callApi(s.service, 'updateSettings', { language: 'sv' });
    expect((await callApi(s.service, 'createTag', { name: 'Fiske' })).ok).toBe(true);
    expect((await label()).undoLabel).toBe('Skapa taggen ”Fiske”');
    const undone = (await callApi(s.service, 'undo', {})) as { ok: boolean; value: { label?: string } };
    expect(undone.value.label).toBe('Skapa taggen ”Fiske”');
    // An action already made keeps the words it was named with.
    expect((await label()).undoLabel).toBe('Create tag “Hamn”');
  });

  it('puts plurals and a disk’s refusal in the language too', () => {
    const sv = createTranslator('sv');
    const err = DossierError.of('invalid-input', 'sources.paragraphHoldsAnnotations', { count: 2, quotes: '“a”, “b”' });
    expect(err.message).toBe('This paragraph holds 2 annotations (“a”, “b”); delete them first.');
    expect(err.inLanguage(sv)).toBe('Det här stycket har 2 anteckningar (“a”, “b”); ta bort dem först.');
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', path: '/n/notebook.json' });
    expect(toApiError(full, sv).message).toMatch(/^Disken är full \(\/n\/notebook\.json\): ändringen sparades inte/);
    expect(toApiError(full).message).toMatch(/^The disk is full \(\/n\/notebook\.json\): the change was not saved/);
  });

  it('says a damaged notebook’s problem (the read-only banner, its refusals, the doctor) in the person’s language', async () => {
    const s = await session({
      damage: async (dir) => {
        const file = path.join(dir, 'notebook.json');
        const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
        await writeFile(file, JSON.stringify({ ...manifest, schemaVersion: 999 }));
      },
    });
    const problem = async () => (await value<{ problem?: string }>(callApi(s.service, 'getNotebook', {}))).problem;
    expect(await problem()).toMatch(/^notebook\.json could not be read \(it was written by a newer version of Dossier/);
    await callApi(s.service, 'updateSettings', { language: 'sv' });
    expect(await problem()).toBe(
      'notebook.json kunde inte läsas (den skrevs av en nyare version av Dossier (format 999; den här versionen läser upp till ' +
        `${SCHEMA_VERSION})). Anteckningsboken är öppen skrivskyddad och ingenting ändrades; ` +
        'laga filen eller återställ den från en säkerhetskopia.',
    );
    expect(await message(callApi(s.service, 'createTag', { name: 'Hamn' }))).toMatch(
      /^Anteckningsboken är skrivskyddad: notebook\.json kunde inte läsas \(den skrevs av en nyare version/,
    );
    const check = await value<{ manifestProblem?: string }>(callApi(s.service, 'checkNotebook', {}));
    expect(check.manifestProblem).toMatch(/^notebook\.json kunde inte läsas/);
    await callApi(s.service, 'updateSettings', { language: 'en' });
    expect(await problem()).toMatch(/^notebook\.json could not be read/);
  });

  it('says why a source file cannot be read in the person’s language', async () => {
    let id = '';
    const s = await session({
      prepare: async (first) => {
        const text = 'Hamnen\n\nFärjan till Norrhamn ställs in i helgen.';
        id = (
          await value<{ added: Array<{ id: string }> }>(callApi(first.service, 'importText', { text, name: 'hamn' }))
        ).added[0]!.id;
      },
      damage: (dir) => writeFile(path.join(dir, 'sources', `${id}.json`), '{ trasig'),
    });
    await callApi(s.service, 'updateSettings', { language: 'sv' });
    const file = path.join('sources', `${id}.json`);
    const said = `${file} kunde inte läsas (ingen giltig JSON (`;
    expect(await message(callApi(s.service, 'getSource', { id }))).toContain(said);
    expect(await message(callApi(s.service, 'getSource', { id }))).toMatch(
      /Den lämnades orörd; återställ den från en säkerhetskopia för att se källan igen\.$/,
    );
    expect((await value<{ problem?: string }>(callApi(s.service, 'getNotebook', {}))).problem).toContain(said);
    await callApi(s.service, 'updateSettings', { language: 'en' });
    expect((await value<{ problem?: string }>(callApi(s.service, 'getNotebook', {}))).problem).toContain(
      `${file} could not be read (not valid JSON (`,
    );
  });

  it('says an error the search worker found in the person’s language', async () => {
    const s = await session();
    await callApi(s.service, 'updateSettings', { language: 'sv' });
    expect(await callApi(s.service, 'corroborate', { annotationId: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Ingen anteckning med id "nope".' },
    });
  });

  it('says who holds a notebook’s lock in the person’s language', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-language-lock-'));
    const first = await NotebookStore.open(root);
    cleanups.push(async () => {
      await first.close();
      await rm(root, { recursive: true, force: true });
    });
    const refused = await NotebookStore.open(root).then(
      () => null,
      (err: unknown) => err as DossierError,
    );
    expect(refused?.code).toBe('locked');
    expect(refused!.inLanguage(translatorFor('sv'))).toMatch(
      /^Anteckningsboken är öppen i en annan process \(\S+ \d+, sedan [^)]+\): .* Stäng den där först\.$/,
    );
    expect(refused!.message).toMatch(/^The notebook is open in another process \(\S+ \d+, since [^)]+\): /);
  });

  it('keeps why the settings file could not be used in words, to say in either language', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-language-settings-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    await mkdir(root, { recursive: true });
    await writeFile(path.join(root, 'settings.json'), '{ not json');
    const store = UserSettingsStore.for(root);
    await store.get();
    const file = path.join(root, 'settings.json');
    expect(store.problem).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read \\(not valid JSON`),
    );
    expect(sayError(translatorFor('sv'), store.problemWords!)).toMatch(
      /kunde inte läsas \(ingen giltig JSON \(.*\)\); standardvärdena används\.$/,
    );
  });
});
