import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18N_OPTIONS } from '../../../shared/i18n';
import { createBridgeClient } from '../../../renderer/src/api/bridge-client';
import { RENDERER_METHODS, TRUSTED_METHODS, type ApiEvent, type DossierApi } from '../../../shared/api';
import { fromWire, toWire } from '../../../shared/wire';
import { contentSecurityPolicy } from '../../../shared/csp';
import { startBridge, type BridgeHandle } from '../../../main/services/bridge/http-bridge';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { tempDir } from '../../helpers/temp-dir';
// The page's translator speaks English here, as in a browser set to English.
await i18next.init({ ...I18N_OPTIONS, lng: 'en' });

const ARTICLE_EN = `Harbour council approves night ferry trial

Published on 12 March 2025 · The Lakeside Courier

The Vellmar harbour council voted on Tuesday to run a six-month trial of a night ferry between the old pier and the island of Brask.

“We have waited for this for years,” said councillor Ingrid Halvorsen, who chairs the transport committee.`;

const ARTICLE_SV = `Nattfärjan till Brask får klartecken

Hamnfullmäktige i Vellmar röstade på tisdagen för ett halvårslångt försök med nattfärja mellan gamla piren och ön Brask.

– Vi har väntat på det här i flera år, säger ledamoten Ingrid Halvorsen.`;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A browser-like client: fetch that sends the bridge's own Origin, as a page served by it does. */
function clientFor(bridge: BridgeHandle): DossierApi {
  const origin = `http://127.0.0.1:${bridge.port}`;
  return createBridgeClient({
    baseUrl: origin,
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, Origin: origin } }),
  });
}

/** Collects Server-Sent Events from /api/events until `stop` is called. */
function subscribe(port: number): Promise<{ events: ApiEvent[]; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const events: ApiEvent[] = [];
    let buffer = '';
    const req = http.get(
      { host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}` } },
      (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            for (const line of block.split('\n'))
              if (line.startsWith('data: ')) events.push(fromWire(line.slice(6)) as ApiEvent);
          }
        });
        resolve({ events, stop: () => req.destroy() });
      },
    );
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
  });
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('http bridge over a real notebook session', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let session: NotebookSession;
  let bridge: BridgeHandle;
  let staticDir: string;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir('dossier-bridge-'));
    staticDir = path.join(dir, 'static');
    await mkdir(path.join(staticDir, 'assets'), { recursive: true });
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Dossier</title>');
    await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log("app")');
    await writeFile(path.join(dir, 'secret.txt'), 'not for the web');
    session = await openNotebookSession(path.join(dir, 'nb.dossier'));
    bridge = await startBridge({ session, port: 0, staticDir });
  });

  afterEach(async () => {
    await bridge.close();
    await session.close();
    await cleanup();
  });

  it('listens on loopback only, at the URL it reports', () => {
    const address = bridge.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(bridge.url).toBe(`http://127.0.0.1:${address.port}/`);
  });

  it('binds every API method: import files (bytes), list, get, duplicates skipped, garbage rejected', async () => {
    const api = clientFor(bridge);
    const info = await api.getNotebook({});
    expect(info.ok && info.value.sourceCount).toBe(0);

    const imported = await api.importFiles({
      files: [
        { name: 'ferry.txt', bytes: new TextEncoder().encode(ARTICLE_EN) },
        { name: 'nattfarja.txt', bytes: new TextEncoder().encode(ARTICLE_SV) },
      ],
    });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.added.map((s) => s.origin.name).sort()).toEqual(['ferry.txt', 'nattfarja.txt']);

    const listed = await api.listSources({});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value).toHaveLength(2);

    const english = imported.value.added.find((s) => s.origin.name === 'ferry.txt')!;
    const got = await api.getSource({ id: english.id });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.value.source.text).toContain('night ferry between the old pier');
    expect(got.value.source.text).toContain('“We have waited for this for years,”');

    const again = await api.importFiles({
      files: [{ name: 'ferry-copy.txt', bytes: new TextEncoder().encode(ARTICLE_EN) }],
    });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.added).toHaveLength(0);
    expect(again.value.skipped).toHaveLength(1);

    const noise = new Uint8Array(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    const garbage = await api.importFiles({ files: [{ name: 'noise.bin.txt', bytes: noise }] });
    if (!garbage.ok) throw new Error(garbage.error.message);
    expect(garbage.value.added).toHaveLength(0);
    expect(garbage.value.rejected[0]?.name).toBe('noise.bin.txt');
    expect(garbage.value.rejected[0]?.reason.length).toBeGreaterThan(5);

    // Written through to the real notebook on disk.
    const files = await readdir(path.join(dir, 'nb.dossier', 'sources'));
    expect(files).toHaveLength(2);
    const manifest = JSON.parse(await readFile(path.join(dir, 'nb.dossier', 'notebook.json'), 'utf8'));
    expect(manifest.sources).toHaveLength(2);
  });

  it('imports pasted text', async () => {
    const api = clientFor(bridge);
    const pasted = await api.importText({ text: ARTICLE_SV });
    if (!pasted.ok) throw new Error(pasted.error.message);
    expect(pasted.value.added[0]?.origin.kind).toBe('paste');
    expect(pasted.value.added[0]?.text).toContain('Hamnfullmäktige i Vellmar');
  });

  it('returns validation and service errors as a readable Result, not a crash', async () => {
    const api = clientFor(bridge);
    const missing = await api.getSource({ id: 'src_doesnotexist' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('not-found');
      expect(missing.error.message).not.toMatch(/\n\s+at /); // no stack trace
    }
    const origin = `http://127.0.0.1:${bridge.port}`;
    const bad = await raw(bridge.port, {
      method: 'POST',
      path: '/api/importFiles',
      headers: { Host: `127.0.0.1:${bridge.port}`, Origin: origin, 'Content-Type': 'application/json' },
      body: toWire({ files: [] }),
    });
    expect(bad.status).toBe(200);
    const result = fromWire(bad.body) as { ok: boolean; error?: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid-input');

    const notJson = await raw(bridge.port, {
      method: 'POST',
      path: '/api/getNotebook',
      headers: { Host: `127.0.0.1:${bridge.port}`, Origin: origin },
      body: '{not json',
    });
    expect((fromWire(notJson.body) as { error: { code: string } }).error.code).toBe('invalid-input');
  });

  it('refuses foreign Host headers (DNS rebinding) and foreign or missing Origins', async () => {
    const port = bridge.port;
    const own = `http://127.0.0.1:${port}`;
    const post = (headers: Record<string, string>) =>
      raw(port, { method: 'POST', path: '/api/getNotebook', headers, body: '{}' });

    expect((await post({ Host: `127.0.0.1:${port}`, Origin: own })).status).toBe(200);
    expect((await post({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await post({ Host: `evil.example:${port}`, Origin: own })).status).toBe(403);
    expect((await post({ Host: `127.0.0.1:${port + 1}`, Origin: own })).status).toBe(403);
    expect((await post({ Host: `127.0.0.1:${port}`, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await post({ Host: `127.0.0.1:${port}` })).status).toBe(403);
    // Static pages too: a rebinding page must not read the app either.
    expect((await raw(port, { path: '/', headers: { Host: `attacker.test:${port}` } })).status).toBe(403);
  });

  it('serves no method that takes a path: importPaths and exportBriefToFile answer 404 and touch nothing', async () => {
    const port = bridge.port;
    const headers = { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` };
    expect(TRUSTED_METHODS).toEqual(expect.arrayContaining(['importPaths', 'exportBriefToFile']));
    const secret = path.join(dir, 'secret.txt');
    const imported = await raw(port, {
      method: 'POST',
      path: '/api/importPaths',
      headers,
      body: toWire({ paths: [secret] }),
    });
    expect(imported.status).toBe(404);
    expect(imported.body).toBe('Unknown API method "importPaths".');
    const brief = await session.service.createBrief({ title: 'Färjan' });
    const target = path.join(dir, 'elsewhere', 'deep', 'brief.md');
    const exported = await raw(port, {
      method: 'POST',
      path: '/api/exportBriefToFile',
      headers,
      body: toWire({ briefId: brief.id, format: 'md', path: target }),
    });
    expect(exported.status).toBe(404);
    expect(await session.service.listSources({})).toEqual([]);
    expect(await readdir(dir)).not.toContain('elsewhere');
    // Every trusted method is refused the same way; the client offers none of them.
    for (const method of TRUSTED_METHODS)
      expect((await raw(port, { method: 'POST', path: `/api/${method}`, headers, body: '{}' })).status).toBe(404);
    const client = clientFor(bridge) as unknown as Record<string, unknown>;
    for (const method of TRUSTED_METHODS) expect(client).not.toHaveProperty(method);
    for (const method of RENDERER_METHODS) expect(typeof client[method]).toBe('function');
  });

  it('accepts only known method names, POST only, and enforces the body limit', async () => {
    const port = bridge.port;
    const headers = { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` };
    expect((await raw(port, { method: 'POST', path: '/api/deleteEverything', headers, body: '{}' })).status).toBe(404);
    expect((await raw(port, { method: 'POST', path: '/api/constructor', headers, body: '{}' })).status).toBe(404);
    expect((await raw(port, { method: 'GET', path: '/api/listSources', headers })).status).toBe(405);

    const small = await startBridge({ session, port: 0, maxBodyBytes: 1024 });
    try {
      const h = { Host: `127.0.0.1:${small.port}`, Origin: `http://127.0.0.1:${small.port}` };
      const big = await raw(small.port, {
        method: 'POST',
        path: '/api/importText',
        headers: h,
        body: toWire({ text: 'x'.repeat(5000) }),
      });
      expect(big.status).toBe(413);
      const fine = await raw(small.port, { method: 'POST', path: '/api/getNotebook', headers: h, body: '{}' });
      expect(fine.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('says its own refusals in the person’s language', async () => {
    await session.service.updateSettings({ language: 'sv' });
    const port = bridge.port;
    const headers = { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` };
    const said = async (options: Parameters<typeof raw>[1]) => (await raw(port, options)).body;
    expect(await said({ method: 'POST', path: '/api/importPaths', headers, body: '{}' })).toBe(
      'Okänd API-metod "importPaths".',
    );
    expect(await said({ method: 'GET', path: '/api/listSources', headers })).toBe('Använd POST för /api/listSources.');
    expect(await said({ path: '/', headers: { Host: 'evil.example' } })).toBe('Otillåten värd.');
    expect(await said({ path: '/nowhere.js', headers })).toBe('Hittades inte.');
    expect(fromWire(await said({ method: 'POST', path: '/api/getNotebook', headers, body: '{ nej' }))).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Begärans innehåll är ingen giltig JSON.' },
    });
  });

  it('streams import progress and notebook-changed events over SSE', async () => {
    const stream = await subscribe(bridge.port);
    try {
      const api = clientFor(bridge);
      const result = await api.importFiles({
        files: [{ name: 'ferry.txt', bytes: new TextEncoder().encode(ARTICLE_EN) }],
      });
      expect(result.ok).toBe(true);
      await until(() => stream.events.some((e) => e.type === 'notebook-changed'));
      const progress = stream.events.filter((e) => e.type === 'import-progress');
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.some((e) => e.type === 'import-progress' && e.total === 1)).toBe(true);
    } finally {
      stream.stop();
    }
  });

  it('delivers events to the client through an EventSource factory and stops when unsubscribed', async () => {
    const opened: string[] = [];
    let closed = 0;
    let push: ((data: string) => void) | null = null;
    const api = createBridgeClient({
      baseUrl: `http://127.0.0.1:${bridge.port}`,
      fetch: (url, init) => fetch(url, init),
      eventSource: (url, onData) => {
        opened.push(url);
        push = onData;
        return { close: () => void closed++ };
      },
    });
    const seen: ApiEvent[] = [];
    const off = api.onEvent((e) => seen.push(e));
    expect(opened).toEqual([`http://127.0.0.1:${bridge.port}/api/events`]);
    push!(toWire({ type: 'menu', command: 'import' }));
    push!('not json');
    expect(seen).toEqual([{ type: 'menu', command: 'import' }]);
    off();
    expect(closed).toBe(1);
  });

  it('serves the built renderer and never a file outside it', async () => {
    const port = bridge.port;
    const host = { Host: `127.0.0.1:${port}` };
    const index = await raw(port, { path: '/', headers: host });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.body).toContain('<title>Dossier</title>');
    // The production policy, as Electron's main process sends it.
    expect(index.headers['content-security-policy']).toBe(contentSecurityPolicy());
    const js = await raw(port, { path: '/assets/app.js', headers: host });
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/nope.js']) {
      const res = await raw(port, { path: p, headers: host });
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('not for the web');
    }
  });

  it('in Vite mode: no page may frame it, the editor-opening endpoint is gone, cross-site subresource loads are refused', async () => {
    const reached: string[] = [];
    const vite = await startBridge({
      session,
      port: 0,
      viteMiddleware: (req, res) => {
        reached.push(req.url ?? '');
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<!doctype html><title>Dossier (Vite)</title>');
      },
    });
    try {
      const host = { Host: `127.0.0.1:${vite.port}` };
      const page = await raw(vite.port, { path: '/', headers: host });
      expect(page.status).toBe(200);
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");

      // Vite's launch-editor endpoint, as an <img> on another site would request it.
      for (const headers of [host, { ...host, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' }]) {
        const editor = await raw(vite.port, { path: '/__open-in-editor?file=/etc/passwd', headers });
        expect(editor.status).toBe(403);
      }
      // Any subresource another site embeds (script, image, no-cors fetch) is refused…
      const embedded = await raw(vite.port, {
        path: '/src/main.tsx',
        headers: { ...host, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'script' },
      });
      expect(embedded.status).toBe(403);
      // …while the person's own visits (typed URL, a link followed to the page) work.
      for (const site of ['none', 'cross-site', 'same-origin']) {
        const visit = await raw(vite.port, {
          path: '/',
          headers: { ...host, 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' },
        });
        expect(visit.status, site).toBe(200);
      }
      expect(reached).not.toContain('/__open-in-editor?file=/etc/passwd');
      expect(reached).not.toContain('/src/main.tsx');
    } finally {
      await vite.close();
    }
  });

  it('reports an unreachable bridge as a readable error', async () => {
    const api = createBridgeClient({ baseUrl: 'http://127.0.0.1:1', fetch: (url, init) => fetch(url, init) });
    const result = await api.getNotebook({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/could not reach/);
  });
});
