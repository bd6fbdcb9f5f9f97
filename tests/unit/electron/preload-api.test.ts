import { describe, expect, it } from 'vitest';
import { API_CHANNEL_PREFIX, API_EVENT_CHANNEL, API_METHODS } from '../../../shared/api-methods';
import type { ApiEvent } from '../../../shared/api';
import { createDossierApi, type IpcRendererLike } from '../../../main/preload/api';

type Listener = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: Array<[string, unknown[]]> = [];
  readonly listeners = new Map<string, Set<Listener>>();
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    return { ok: true, value: channel };
  }
  on(channel: string, listener: Listener) {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
    return this;
  }
  removeListener(channel: string, listener: Listener) {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  emit(channel: string, ...args: unknown[]) {
    const fakeIpcEvent = { sender: { secret: 'ipcRenderer internals' }, ports: [] };
    for (const l of this.listeners.get(channel) ?? []) l(fakeIpcEvent, ...args);
  }
}

describe('preload api factory', () => {
  it('exposes exactly one function per API method, plus onEvent and pathForFile, and nothing generic', () => {
    const api = createDossierApi(new FakeIpcRenderer(), () => '');
    const keys = Object.keys(api).sort();
    expect(keys).toEqual([...API_METHODS, 'onEvent', 'pathForFile'].sort());
    for (const key of keys) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
    expect(keys).not.toContain('invoke');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes each method on its own fixed channel with one input argument', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createDossierApi(ipc, () => '') as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
    for (const method of API_METHODS) {
      await expect(api[method]!({ marker: method })).resolves.toEqual({ ok: true, value: API_CHANNEL_PREFIX + method });
    }
    expect(ipc.invoked).toEqual(API_METHODS.map((m) => [API_CHANNEL_PREFIX + m, [{ marker: m }]]));
  });

  it('sends {} when a method is called without input', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createDossierApi(ipc, () => '');
    await api.listSources(undefined as never);
    expect(ipc.invoked).toEqual([['dossier:listSources', [{}]]]);
  });

  it('onEvent passes only the event payload (never the IpcRendererEvent) and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = createDossierApi(ipc, () => '');
    const received: unknown[][] = [];
    const off = api.onEvent((...args: unknown[]) => received.push(args));
    const event: ApiEvent = { type: 'menu', command: 'undo' };
    ipc.emit(API_EVENT_CHANNEL, event);
    expect(received).toEqual([[event]]);
    off();
    off(); // idempotent
    ipc.emit(API_EVENT_CHANNEL, { type: 'notebook-changed' });
    expect(received).toHaveLength(1);
    expect(ipc.listeners.get(API_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('keeps separate subscriptions independent', () => {
    const ipc = new FakeIpcRenderer();
    const api = createDossierApi(ipc, () => '');
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = api.onEvent((e) => a.push(e));
    api.onEvent((e) => b.push(e));
    offA();
    ipc.emit(API_EVENT_CHANNEL, { type: 'notebook-changed' });
    expect(a).toEqual([]);
    expect(b).toHaveLength(1);
  });

  it('pathForFile returns the path from webUtils, or "" when it throws', () => {
    const file = new File(['x'], 'artikel.txt');
    const ok = createDossierApi(new FakeIpcRenderer(), (f) => `/home/anna/Hämtade filer/${f.name}`);
    expect(ok.pathForFile(file)).toBe('/home/anna/Hämtade filer/artikel.txt');
    const failing = createDossierApi(new FakeIpcRenderer(), () => {
      throw new TypeError('not a File');
    });
    expect(failing.pathForFile(file)).toBe('');
  });
});
