/**
 * Main's language: the person's setting, else the system's; errors made in
 * the services reach the caller in it, and follow a change of the setting at
 * once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DossierError, toApiError } from '../../../shared/errors';
import { createTranslator } from '../../../shared/i18n';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { environmentLanguages, resolveLanguage } from '../../../main/services/settings/language';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function session(): Promise<NotebookSession> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dossier-language-'));
  const s = await openNotebookSession(path.join(root, 'n.dossier'), { settingsDir: path.join(root, 'config') });
  cleanups.push(async () => {
    await s.close();
    await rm(root, { recursive: true, force: true });
  });
  return s;
}

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
});
