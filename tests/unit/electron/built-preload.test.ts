/**
 * The BUILT preload (out/preload/index.cjs) run as Electron runs the preload
 * of a sandboxed window: its own realm, `require` knows only 'electron'.
 * It must load, expose exactly `window.dossier` with one function per API
 * method plus onEvent and pathForFile, call each method on its own channel,
 * and hand the page nothing else (no ipcRenderer, no generic invoke).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_EVENT_CHANNEL, API_METHODS } from '../../../shared/api-methods';
import { BUILT, repoRoot, staleReason } from '../../helpers/built-app';
import { runPreloadInSandbox, type PreloadRun } from './fixtures/preload-sandbox';

const preloadFile = path.join(repoRoot, BUILT.preload);
const load = (code = readFileSync(preloadFile, 'utf8')) => runPreloadInSandbox(code, preloadFile);
const dossierOf = (run: PreloadRun) => run.exposed[0]!.api as Record<string, (...args: unknown[]) => unknown>;

describe('the built preload in a sandboxed realm', () => {
  it('is current and loads with nothing but electron', () => {
    expect(staleReason()).toBeNull();
    const run = load();
    expect(run.required).toEqual(['electron']);
    expect(run.newGlobals).toEqual([]);
  });

  it('exposes exactly one global, dossier: the API methods, onEvent and pathForFile, frozen', () => {
    const run = load();
    expect(run.exposed.map((e) => e.key)).toEqual(['dossier']);
    const dossier = dossierOf(run);
    expect(Object.keys(dossier).sort()).toEqual([...API_METHODS, 'onEvent', 'pathForFile'].sort());
    for (const value of Object.values(dossier)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(dossier)).toBe(true);
    // Nothing of electron's own objects reaches the page.
    const ipc = run.ipcRenderer;
    const electronObjects: unknown[] = [
      run.electron,
      ...Object.values(run.electron),
      ipc.invoke,
      ipc.on,
      ipc.removeListener,
      ipc.send,
    ];
    const leaked = Object.values(dossier).filter((v) => electronObjects.includes(v));
    expect(leaked).toEqual([]);
  });

  it('each method invokes its own channel dossier:<method> with exactly one input', async () => {
    const run = load();
    const dossier = dossierOf(run);
    for (const method of API_METHODS) {
      const result = await dossier[method]!({ probe: method });
      expect(result).toEqual({ ok: true, value: `dossier:${method}` });
    }
    expect(run.ipcRenderer.invoked).toEqual(
      API_METHODS.map((m) => ({ channel: `dossier:${m}`, args: [{ probe: m }] })),
    );
    await dossier.getNotebook!();
    expect(run.ipcRenderer.invoked.at(-1)).toEqual({ channel: 'dossier:getNotebook', args: [{}] });
    expect(run.ipcRenderer.sent).toEqual([]);
  });

  it('onEvent passes the payload alone and unsubscribes; pathForFile asks webUtils and never throws', () => {
    const run = load();
    const dossier = dossierOf(run);
    const heard: unknown[] = [];
    const off = dossier.onEvent!((event: unknown) => heard.push(event)) as () => void;
    run.ipcRenderer.emit(API_EVENT_CHANNEL, { type: 'notebook-changed' });
    expect(heard).toEqual([{ type: 'notebook-changed' }]);
    off();
    off();
    run.ipcRenderer.emit(API_EVENT_CHANNEL, { type: 'notebook-changed' });
    expect(heard).toHaveLength(1);
    expect(run.ipcRenderer.listeners.get(API_EVENT_CHANNEL)).toEqual([]);
    // A TypeError of the preload's own realm, hence matched by message.
    expect(() => dossier.onEvent!('not a function')).toThrow(/onEvent needs a function/);

    run.setPathForFile((file) => `/home/ann/${(file as { name: string }).name}`);
    expect(dossier.pathForFile!({ name: 'artikel.pdf' })).toBe('/home/ann/artikel.pdf');
    run.setPathForFile(() => {
      throw new Error('not a File from disk');
    });
    expect(dossier.pathForFile!({ name: 'pasted' })).toBe('');
  });

  it('the sandbox refuses any other module, and the recording sees an extra exposed global', () => {
    const code = readFileSync(preloadFile, 'utf8');
    expect(() => load(`const fs = require("node:fs");\n${code}`)).toThrow(/module not found: node:fs/);
    const leaky = load(
      `${code}\nrequire("electron").contextBridge.exposeInMainWorld("ipc", require("electron").ipcRenderer);`,
    );
    expect(leaky.exposed.map((e) => e.key)).toEqual(['dossier', 'ipc']);
    expect(leaky.exposed[1]!.api).toBe(leaky.ipcRenderer);
  });
});
