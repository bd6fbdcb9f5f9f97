import { describe, expect, it } from 'vitest';
import {
  API_CHANNEL_PREFIX,
  API_EVENT_CHANNEL,
  DESKTOP_METHODS,
  RENDERER_METHODS,
  TRUSTED_METHODS,
} from '../../../shared/api-methods';
import type { ApiEvent } from '../../../shared/api';
import { createDossierApi, type IpcRendererLike } from '../../../main/preload/api';

type Listener = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: Array<[string, unknown[]]> = [];
  readonly listeners = new Map<string, Set<Listener>>();
  /** Main's answer to the next grant request (default: one id per path). */
  grantAnswer: ((paths: string[]) => unknown) | null = null;
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    if (channel === 'dossier:grantDroppedFiles') {
      const { paths } = args[0] as { paths: string[] };
      return this.grantAnswer ? this.grantAnswer(paths) : { ok: true, value: { grants: paths.map((p) => `id:${p}`) } };
    }
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
  it('exposes one function per renderer-facing method, onEvent and the desktop extras, and nothing generic', () => {
    const api = createDossierApi(new FakeIpcRenderer(), () => '');
    const keys = Object.keys(api).sort();
    expect(keys).toEqual([...RENDERER_METHODS, ...DESKTOP_METHODS, 'onEvent'].sort());
    for (const key of keys) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
    expect(keys).not.toContain('invoke');
    // No method that takes a path, and no way to read a File's path.
    for (const method of [...TRUSTED_METHODS, 'pathForFile']) expect(keys).not.toContain(method);
    expect(TRUSTED_METHODS).toEqual(expect.arrayContaining(['importPaths', 'exportBriefToFile']));
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes each method on its own fixed channel with one input argument', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createDossierApi(ipc, () => '') as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
    const plain = [...RENDERER_METHODS, 'importGrants', 'exportBriefWithDialog'];
    for (const method of plain) {
      await expect(api[method]!({ marker: method })).resolves.toEqual({ ok: true, value: API_CHANNEL_PREFIX + method });
    }
    expect(ipc.invoked).toEqual(plain.map((m) => [API_CHANNEL_PREFIX + m, [{ marker: m }]]));
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

  it('grantDroppedFiles sends main the paths webUtils finds and gives the page grant ids (null for a File not from disk)', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createDossierApi(ipc, (f) => {
      if (f.name === 'forged.txt') throw new TypeError('not a File from disk');
      return f.name === 'pasted.txt' ? '' : `/home/anna/Hämtade filer/${f.name}`;
    });
    const files = ['artikel.txt', 'pasted.txt', 'forged.txt', 'mapp'].map((n) => new File(['x'], n));
    const answer = await api.grantDroppedFiles(files);
    expect(answer).toEqual({
      ok: true,
      value: { grants: ['id:/home/anna/Hämtade filer/artikel.txt', null, null, 'id:/home/anna/Hämtade filer/mapp'] },
    });
    expect(ipc.invoked).toEqual([
      [
        'dossier:grantDroppedFiles',
        [{ paths: ['/home/anna/Hämtade filer/artikel.txt', '/home/anna/Hämtade filer/mapp'] }],
      ],
    ]);
  });

  it('grantDroppedFiles passes the refusal of main on, and does not ask main when no File came from disk', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createDossierApi(ipc, (f) => (f.name === 'disk.txt' ? '/d/disk.txt' : ''));
    expect(await api.grantDroppedFiles([new File(['x'], 'pasted.txt')])).toEqual({
      ok: true,
      value: { grants: [null] },
    });
    expect(ipc.invoked).toEqual([]);
    const refusal = { ok: false, error: { code: 'invalid-input', message: 'refused' } };
    ipc.grantAnswer = () => refusal;
    expect(await api.grantDroppedFiles([new File(['x'], 'disk.txt')])).toEqual(refusal);
  });
});
