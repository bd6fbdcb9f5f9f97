import { describe, expect, it } from 'vitest';
import { API_CHANNEL_PREFIX, API_EVENT_CHANNEL, API_METHODS } from '../../../shared/api-methods';
import type { ApiEvent, DossierService } from '../../../shared/api';
import {
  forwardEvents,
  registerApiHandlers,
  type InvokeHandler,
  type IpcMainLike,
  type WebContentsLike,
} from '../../../main/electron/ipc';

const ENTRY = 'file:///app/out/renderer/index.html';

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
      return { added: [], skipped: [], rejected: [] };
    };
  }
  return Object.assign(service as unknown as DossierService, { calls });
}

function setup() {
  const ipc = new FakeIpcMain();
  const { contents, sent } = fakeContents();
  const service = fakeService();
  let session: { service: DossierService } | null = { service };
  const refused: string[] = [];
  const dispose = registerApiHandlers(ipc, {
    getSession: () => session,
    getWebContents: () => contents,
    appEntryUrl: ENTRY,
    onRefused: (channel) => refused.push(channel),
  });
  return { ipc, contents, sent, service, refused, dispose, closeSession: () => (session = null) };
}

describe('registerApiHandlers', () => {
  it('registers exactly one handler per API method on its own channel', () => {
    const { ipc } = setup();
    expect(ipc.registrations).toHaveLength(API_METHODS.length);
    expect(new Set(ipc.registrations).size).toBe(API_METHODS.length);
    expect([...ipc.registrations].sort()).toEqual(API_METHODS.map((m) => API_CHANNEL_PREFIX + m).sort());
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
    const result = await ipc.invoke('dossier:importPaths', contents.mainFrame, { paths: ['/etc'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
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
    ['importPaths', { paths: [] }],
    ['importPaths', { paths: 'not-an-array' }],
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

  it('answers not-found while no notebook is open', async () => {
    const { ipc, contents, closeSession } = setup();
    closeSession();
    expect(await ipc.invoke('dossier:getNotebook', contents.mainFrame, {})).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
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
