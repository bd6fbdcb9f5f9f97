import { describe, expect, it } from 'vitest';
import {
  API_CHANNEL_PREFIX,
  API_EVENT_CHANNEL,
  API_METHODS,
  DESKTOP_METHODS,
  RENDERER_METHODS,
  TRUSTED_METHODS,
} from '../../../shared/api-methods';
import type { ApiEvent, DossierService } from '../../../shared/api';
import { DossierError } from '../../../shared/errors';
import {
  forwardEvents,
  registerApiHandlers,
  type InvokeHandler,
  type IpcMainLike,
  type WebContentsLike,
} from '../../../main/electron/ipc';
import { WindowGrants } from '../../../main/electron/grants';
import { translatorFor } from '../../../main/services/settings/language';
import type { Translator } from '../../../shared/i18n';

const ENTRY = 'file:///app/out/renderer/index.html';
/** What a refused grant says (in English, the language without a translator). */
const GRANT_REFUSED =
  'Dossier did not hand out this file permission, or it was already used. Drop the files or pick them again.';

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeHandler>();
  readonly registrations: string[] = [];
  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.registrations.push(channel);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, frame: { url: string } | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame }, ...args);
  }
}

function fakeContents(url = ENTRY) {
  const sent: Array<[string, unknown[]]> = [];
  const contents: WebContentsLike & { destroyed: boolean } = {
    mainFrame: { url },
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    send(channel: string, ...args: unknown[]) {
      sent.push([channel, args]);
    },
  };
  return { contents, sent };
}

/**
 * A service with every API method (built from API_METHODS, so it follows the
 * API as it grows): each records its validated input; getNotebook returns a
 * notebook, getSource throws a plain Error with a stack-like message.
 */
function fakeService(): DossierService & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const service: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    service[method] = async (input) => {
      calls.push([method, input]);
      if (method === 'getNotebook') {
        return {
          path: '/n/Research.dossier',
          title: 'Research',
          readOnly: false,
          sourceCount: 0,
          statuses: ['unverified'],
        };
      }
      if (method === 'getSource') throw new Error('boom\n    at secret/stack.ts:1:1');
      if (method === 'getBrief') return { id: 'b1', title: 'Harbour: the strike' };
      if (method === 'exportBriefToFile') {
        const { path } = input as { path: string };
        if (path.includes('read-only')) throw new DossierError('invalid-input', `Could not write ${path} (EACCES).`);
        return { ...(input as object), bytes: 1234 };
      }
      return { added: [], skipped: [], rejected: [] };
    };
  }
  return Object.assign(service as unknown as DossierService, { calls });
}

function setup(options: { savePath?: string | null; now?: () => number; translator?: () => Translator } = {}) {
  const ipc = new FakeIpcMain();
  const { contents, sent } = fakeContents();
  const service = fakeService();
  let session: { service: DossierService } | null = { service };
  const refused: string[] = [];
  const grants = new WindowGrants({ now: options.now ?? Date.now });
  const saveDialogs: Array<[string, string]> = [];
  const dispose = registerApiHandlers(ipc, {
    getSession: () => session,
    getWebContents: () => contents,
    appEntryUrl: ENTRY,
    onRefused: (channel) => refused.push(channel),
    grants,
    ...(options.translator ? { translator: options.translator } : {}),
    pickExportPath: async (defaultName, format) => {
      saveDialogs.push([defaultName, format]);
      return options.savePath ?? null;
    },
  });
  return { ipc, contents, sent, service, refused, dispose, grants, saveDialogs, closeSession: () => (session = null) };
}

describe('registerApiHandlers', () => {
  it('registers one handler per renderer-facing method and per desktop extra, each on its own channel', () => {
    const { ipc } = setup();
    const expected = [...RENDERER_METHODS, ...DESKTOP_METHODS].map((m) => API_CHANNEL_PREFIX + m);
    expect(new Set(ipc.registrations).size).toBe(ipc.registrations.length);
    expect([...ipc.registrations].sort()).toEqual(expected.sort());
    // Every API method but the path-taking ones is there.
    expect(RENDERER_METHODS.length).toBe(API_METHODS.length - TRUSTED_METHODS.length);
  });

  it('registers no channel for a method that takes a path: the page cannot name a file', async () => {
    const { ipc, contents, service } = setup();
    expect(TRUSTED_METHODS).toEqual(expect.arrayContaining(['importPaths', 'exportBriefToFile']));
    for (const method of TRUSTED_METHODS) expect(ipc.handlers.has(API_CHANNEL_PREFIX + method)).toBe(false);
    expect(() => ipc.invoke('dossier:importPaths', contents.mainFrame, { paths: ['/etc/passwd'] })).toThrow(
      /No handler registered for 'dossier:importPaths'/,
    );
    expect(() =>
      ipc.invoke('dossier:exportBriefToFile', contents.mainFrame, { briefId: 'b1', format: 'md', path: '/tmp/x/y.md' }),
    ).toThrow(/No handler/);
    expect(service.calls).toEqual([]);
  });

  it('removes every handler on dispose, so registering again does not double up', () => {
    const { ipc, dispose } = setup();
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('calls the service for the app main frame and returns a Result', async () => {
    const { ipc, contents, service } = setup();
    const result = await ipc.invoke('dossier:getNotebook', contents.mainFrame, {});
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ title: 'Research' }) });
    expect(service.calls).toEqual([['getNotebook', {}]]);
  });

  it('passes the validated input (structured-clone Uint8Array included) to the service', async () => {
    const { ipc, contents, service } = setup();
    const bytes = new TextEncoder().encode('Hamnavtalet undertecknades på måndagen.');
    const result = await ipc.invoke('dossier:importFiles', contents.mainFrame, {
      files: [{ name: 'hamn.txt', bytes }],
    });
    expect(result).toMatchObject({ ok: true });
    expect(service.calls[0]![0]).toBe('importFiles');
    expect((service.calls[0]![1] as { files: Array<{ bytes: Uint8Array }> }).files[0]!.bytes).toEqual(bytes);
  });

  it('refuses a sub-frame of the app window', async () => {
    const { ipc, service, refused } = setup();
    const iframe = { url: ENTRY };
    const result = await ipc.invoke('dossier:listSources', iframe, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(service.calls).toEqual([]);
    expect(refused).toEqual(['dossier:listSources']);
  });

  it('refuses the main frame once it shows another page', async () => {
    const { ipc, contents, service } = setup();
    (contents.mainFrame as { url: string }).url = 'https://evil.example/phish.html';
    const result = await ipc.invoke('dossier:importText', contents.mainFrame, { text: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await ipc.invoke('dossier:grantDroppedFiles', contents.mainFrame, { paths: ['/etc/passwd'] })).toMatchObject(
      { ok: false, error: { message: 'This request did not come from the Dossier window and was refused.' } },
    );
    expect(service.calls).toEqual([]);
  });

  it('refuses a missing sender frame and a destroyed window', async () => {
    const { ipc, contents, service } = setup();
    expect(await ipc.invoke('dossier:getNotebook', null, {})).toMatchObject({ ok: false });
    contents.destroyed = true;
    expect(await ipc.invoke('dossier:getNotebook', contents.mainFrame, {})).toMatchObject({ ok: false });
    expect(service.calls).toEqual([]);
  });

  it.each([
    ['getSource', { id: 42 }],
    ['getSource', {}],
    ['importGrants', { grants: [] }],
    ['importGrants', { grants: 'not-an-array' }],
    ['importGrants', { grants: ['x'], paths: ['/etc/passwd'] }],
    ['grantDroppedFiles', { paths: [] }],
    ['grantDroppedFiles', { paths: ['relative/secret.txt'] }],
    ['exportBriefWithDialog', { briefId: 'b1', format: 'exe' }],
    ['exportBriefWithDialog', { briefId: 'b1', format: 'md', path: '/tmp/anywhere.md' }],
    ['importFiles', { files: [{ name: 'a.txt', bytes: 'not bytes' }] }],
    ['listSources', { unexpected: true }],
    ['importText', 'just a string'],
  ])('returns invalid-input for a bad %s payload without calling the service', async (method, payload) => {
    const { ipc, contents, service } = setup();
    const result = await ipc.invoke(API_CHANNEL_PREFIX + method, contents.mainFrame, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(service.calls).toEqual([]);
  });

  it('refuses extra arguments', async () => {
    const { ipc, contents, service } = setup();
    const result = await ipc.invoke('dossier:listSources', contents.mainFrame, {}, { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(service.calls).toEqual([]);
  });

  it('turns a service error into a Result without throwing across IPC', async () => {
    const { ipc, contents } = setup();
    const result = (await ipc.invoke('dossier:getSource', contents.mainFrame, { id: 'src_1' })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('internal');
    expect(result).not.toHaveProperty('error.stack');
  });

  it('says its own refusals in the person’s language, and follows a change of it', async () => {
    let language: 'sv' | 'en' = 'sv';
    const { ipc, contents, closeSession } = setup({ translator: () => translatorFor(language) });
    const message = async (channel: string, frame: { url: string } | null, ...args: unknown[]) =>
      ((await ipc.invoke(channel, frame, ...args)) as { error: { message: string } }).error.message;
    expect(await message('dossier:listSources', { url: ENTRY }, {})).toBe(
      'Begäran kom inte från Dossiers fönster och avvisades.',
    );
    expect(await message('dossier:listSources', contents.mainFrame, {}, { extra: true })).toBe(
      'listSources tar ett enda argument.',
    );
    expect(await message('dossier:importGrants', contents.mainFrame, { grants: ['A'.repeat(32)] })).toBe(
      'Dossier har inte gett ut den här filbehörigheten, eller så har den redan använts. Släpp filerna eller välj dem igen.',
    );
    expect(await message('dossier:getSource', contents.mainFrame, { id: 7 })).toMatch(/^Ogiltig indata/);
    closeSession();
    expect(await message('dossier:getNotebook', contents.mainFrame, {})).toBe(
      'Ingen anteckningsbok är öppen. Öppna en med Arkiv › Öppna anteckningsbok…',
    );
    language = 'en';
    expect(await message('dossier:getNotebook', contents.mainFrame, {})).toBe(
      'No notebook is open. Use File › Open Notebook… to open one.',
    );
  });

  it('answers not-found while no notebook is open', async () => {
    const { ipc, contents, closeSession } = setup();
    closeSession();
    expect(await ipc.invoke('dossier:getNotebook', contents.mainFrame, {})).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('grants for dropped files', () => {
  type Granted = { ok: true; value: { grants: string[] } };
  const grant = async (ipc: FakeIpcMain, frame: { url: string }, paths: string[]) =>
    ((await ipc.invoke('dossier:grantDroppedFiles', frame, { paths })) as Granted).value.grants;

  it('hands out one opaque, random id per dropped path; importGrants imports exactly those paths', async () => {
    const { ipc, contents, service } = setup();
    const paths = ['/home/ann/Hämtat/hamn.pdf', '/home/ann/Hämtat/artiklar'];
    const ids = await grant(ipc, contents.mainFrame, paths);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(id).not.toContain('hamn');
    }
    const result = await ipc.invoke('dossier:importGrants', contents.mainFrame, { grants: ids });
    expect(result).toEqual({ ok: true, value: { added: [], skipped: [], rejected: [] } });
    expect(service.calls).toEqual([['importPaths', { paths }]]);
  });

  it('refuses a grant id main did not issue, and one used twice, with a clear message', async () => {
    const { ipc, contents, service } = setup();
    const forged = await ipc.invoke('dossier:importGrants', contents.mainFrame, {
      grants: ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    });
    expect(forged).toEqual({ ok: false, error: { code: 'invalid-input', message: GRANT_REFUSED } });
    const [id] = await grant(ipc, contents.mainFrame, ['/home/ann/hamn.txt']);
    expect(await ipc.invoke('dossier:importGrants', contents.mainFrame, { grants: [id] })).toMatchObject({ ok: true });
    const again = await ipc.invoke('dossier:importGrants', contents.mainFrame, { grants: [id] });
    expect(again).toEqual({ ok: false, error: { code: 'invalid-input', message: GRANT_REFUSED } });
    expect(service.calls).toEqual([['importPaths', { paths: ['/home/ann/hamn.txt'] }]]);
  });

  it('is all or nothing: one bad id (or the same id twice) uses none of the others', async () => {
    const { ipc, contents, service } = setup();
    const [a, b] = await grant(ipc, contents.mainFrame, ['/a.txt', '/b.txt']);
    expect(await ipc.invoke('dossier:importGrants', contents.mainFrame, { grants: [a, 'nope'] })).toMatchObject({
      ok: false,
    });
    expect(await ipc.invoke('dossier:importGrants', contents.mainFrame, { grants: [b, b] })).toMatchObject({
      ok: false,
    });
    expect(await ipc.invoke('dossier:importGrants', contents.mainFrame, { grants: [a, b] })).toMatchObject({
      ok: true,
    });
    expect(service.calls).toEqual([['importPaths', { paths: ['/a.txt', '/b.txt'] }]]);
  });

  it('forgets the grants when the page navigates or reloads, and after they expire', async () => {
    let now = 1_000_000;
    const { ipc, contents, grants, service } = setup({ now: () => now });
    const [beforeReload] = await grant(ipc, contents.mainFrame, ['/a.txt']);
    grants.clear(contents);
    expect(await ipc.invoke('dossier:importGrants', contents.mainFrame, { grants: [beforeReload] })).toMatchObject({
      ok: false,
      error: { message: GRANT_REFUSED },
    });
    const [late] = await grant(ipc, contents.mainFrame, ['/b.txt']);
    now += 11 * 60 * 1000;
    expect(await ipc.invoke('dossier:importGrants', contents.mainFrame, { grants: [late] })).toMatchObject({
      ok: false,
    });
    expect(service.calls).toEqual([]);
  });
});

describe('exportBriefWithDialog', () => {
  it('asks main for a place (suggesting the brief title), writes there, and tells the page only the name', async () => {
    const { ipc, contents, service, saveDialogs } = setup({ savePath: '/home/ann/Briefs/Hamnen.docx' });
    const result = await ipc.invoke('dossier:exportBriefWithDialog', contents.mainFrame, {
      briefId: 'b1',
      format: 'docx',
    });
    expect(result).toEqual({ ok: true, value: { saved: true, fileName: 'Hamnen.docx' } });
    expect(JSON.stringify(result)).not.toContain('/home/ann');
    expect(saveDialogs).toEqual([['Harbour the strike.docx', 'docx']]);
    expect(service.calls).toEqual([
      ['getBrief', { id: 'b1' }],
      ['exportBriefToFile', { briefId: 'b1', format: 'docx', path: '/home/ann/Briefs/Hamnen.docx' }],
    ]);
  });

  it('a failed write says so, naming the file but not its folder', async () => {
    const { ipc, contents } = setup({ savePath: '/media/read-only/Hamnen.md' });
    const result = await ipc.invoke('dossier:exportBriefWithDialog', contents.mainFrame, {
      briefId: 'b1',
      format: 'md',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Could not write Hamnen.md (EACCES).' },
    });
  });

  it('writes nothing when the person cancels the dialog', async () => {
    const { ipc, contents, service } = setup({ savePath: null });
    const result = await ipc.invoke('dossier:exportBriefWithDialog', contents.mainFrame, {
      briefId: 'b1',
      format: 'pdf',
    });
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(service.calls.map(([m]) => m)).toEqual(['getBrief']);
  });
});

describe('forwardEvents', () => {
  it('sends session events on dossier:event until unsubscribed, and not to a destroyed window', () => {
    const listeners = new Set<(e: ApiEvent) => void>();
    const session = {
      onEvent(listener: (e: ApiEvent) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const { contents, sent } = fakeContents();
    const stop = forwardEvents(session, () => contents);
    const progress: ApiEvent = { type: 'import-progress', done: 1, total: 3, finished: false };
    for (const l of listeners) l(progress);
    expect(sent).toEqual([[API_EVENT_CHANNEL, [progress]]]);
    contents.destroyed = true;
    for (const l of listeners) l({ type: 'notebook-changed', reason: 'edit' });
    expect(sent).toHaveLength(1);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('drops events while there is no window instead of throwing inside the emitter', () => {
    let emit: ((e: ApiEvent) => void) | undefined;
    const session = { onEvent: (l: (e: ApiEvent) => void) => ((emit = l), () => undefined) };
    let contents: WebContentsLike | null = null;
    const { contents: later, sent } = fakeContents();
    forwardEvents(session, () => contents);
    expect(() => emit!({ type: 'notebook-changed', reason: 'edit' })).not.toThrow();
    contents = later;
    emit!({ type: 'notebook-changed', reason: 'import' });
    expect(sent).toEqual([[API_EVENT_CHANNEL, [{ type: 'notebook-changed', reason: 'import' }]]]);
  });
});
