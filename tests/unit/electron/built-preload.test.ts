/**
 * The BUILT preload (out/preload/index.cjs) run as Electron runs the preload
 * of a sandboxed window: its own realm, `require` knows only 'electron'.
 * It must load, expose exactly `window.dossier` with one function per
 * renderer-facing API method (none that takes a path) plus onEvent and the
 * desktop extras, call each on its own channel, and hand the page nothing
 * else (no ipcRenderer, no generic invoke, no file path).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_EVENT_CHANNEL, DESKTOP_METHODS, RENDERER_METHODS, TRUSTED_METHODS } from '../../../shared/api-methods';
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

  it('exposes exactly one global, dossier: the renderer-facing methods, onEvent and the desktop extras, frozen', () => {
    const run = load();
    expect(run.exposed.map((e) => e.key)).toEqual(['dossier']);
    const dossier = dossierOf(run);
    expect(Object.keys(dossier).sort()).toEqual([...RENDERER_METHODS, ...DESKTOP_METHODS, 'onEvent'].sort());
    // No method that takes a path, and no way to learn a File's path.
    for (const method of [...TRUSTED_METHODS, 'pathForFile']) expect(dossier).not.toHaveProperty(method);
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
    const plain = [...RENDERER_METHODS, 'importGrants', 'exportBriefWithDialog'];
    for (const method of plain) {
      const result = await dossier[method]!({ probe: method });
      expect(result).toEqual({ ok: true, value: `dossier:${method}` });
    }
    expect(run.ipcRenderer.invoked).toEqual(plain.map((m) => ({ channel: `dossier:${m}`, args: [{ probe: m }] })));
    await dossier.getNotebook!();
    expect(run.ipcRenderer.invoked.at(-1)).toEqual({ channel: 'dossier:getNotebook', args: [{}] });
    expect(run.ipcRenderer.sent).toEqual([]);
  });

  it('onEvent passes the payload alone and unsubscribes; grantDroppedFiles reads paths with webUtils, never hands one to the page', async () => {
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

    // A File from disk gets a grant; one webUtils has no path for (pasted, made by the page) gets null.
    run.setPathForFile((file) => {
      const { name } = file as { name: string };
      if (name === 'made-by-page') throw new Error('not a File from disk');
      return name === 'pasted' ? '' : `/home/ann/${name}`;
    });
    const answer = await dossier.grantDroppedFiles!([
      { name: 'artikel.pdf' },
      { name: 'pasted' },
      { name: 'made-by-page' },
      { name: 'Mapp' },
    ]);
    expect(answer).toEqual({ ok: true, value: { grants: ['grant-0', null, null, 'grant-1'] } });
    expect(JSON.stringify(answer)).not.toContain('/home/ann');
    expect(run.ipcRenderer.invoked.at(-1)).toEqual({
      channel: 'dossier:grantDroppedFiles',
      args: [{ paths: ['/home/ann/artikel.pdf', '/home/ann/Mapp'] }],
    });
    // Nothing from disk: main is not asked at all.
    const before = run.ipcRenderer.invoked.length;
    expect(await dossier.grantDroppedFiles!([{ name: 'pasted' }])).toEqual({ ok: true, value: { grants: [null] } });
    expect(run.ipcRenderer.invoked).toHaveLength(before);
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
