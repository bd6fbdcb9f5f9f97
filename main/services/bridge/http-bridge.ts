/**
 * The loopback bridge: the typed API over HTTP on 127.0.0.1, for a plain
 * browser (`npm run dev:web`) and the Playwright end-to-end tests. It is the
 * same door as Electron's IPC: every call goes through `callApi`, which
 * validates the input and shapes errors.
 *
 *   POST /api/<method>   body toWire(input)  → toWire(Result)
 *   GET  /api/events     Server-Sent Events, one `data:` line of toWire(ApiEvent) each
 *   anything else        the built renderer (`staticDir`) or the Vite dev middleware
 *
 * Security: listens on 127.0.0.1 only; refuses a Host header other than
 * 127.0.0.1/localhost:<port> (DNS rebinding), any request whose Origin is not
 * the bridge's own, a POST without an Origin, unknown method names — and the
 * methods that take a file path, which a page never calls — and bodies over
 * the size limit. Never imports electron.
 */
import type { Translator } from '../../../shared/i18n';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { RENDERER_METHODS, type ApiEvent, type DossierService } from '../../../shared/api';
import { contentSecurityPolicy } from '../../../shared/csp';
import { DossierError, englishTranslator, sayError, toApiError, type Result, type Words } from '../../../shared/errors';
import { fromWire, toWire } from '../../../shared/wire';
import { callApi } from '../session';

/** What the bridge needs from a notebook session (a real NotebookSession fits). */
export interface BridgeSession {
  readonly service: DossierService;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** The person's language, for the errors the API door itself finds (a notebook session has it). */
  translator?(): Translator;
}

/** A connect-style middleware, e.g. `viteDevServer.middlewares`. */
export type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (err?: unknown) => void) => void;

export interface BridgeOptions {
  session: BridgeSession;
  /** 0 picks a free port. */
  port?: number;
  /** Only loopback is accepted. */
  host?: '127.0.0.1';
  /** Folder of the built renderer (index.html + assets). */
  staticDir?: string;
  /** Vite dev server middleware; used for everything that is not /api/. */
  viteMiddleware?: Middleware;
  /** Largest accepted request body in bytes (default 200 MB). */
  maxBodyBytes?: number;
  /** Seconds between SSE keep-alive comments (default 15). */
  heartbeatSeconds?: number;
}

export interface BridgeHandle {
  /** e.g. http://127.0.0.1:41231/ */
  readonly url: string;
  readonly port: number;
  /** The underlying server (the Vite HMR websocket attaches to it). */
  readonly server: http.Server;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 200 * 1024 * 1024;

/** What a page may call: no method that takes a path (those are the CLI's and main's, TRUSTED_METHODS). */
const KNOWN_METHODS = new Set<string>(RENDERER_METHODS);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

/** A refusal of the bridge itself: its HTTP status and its message in words, said in the person's language. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly words: Words,
  ) {
    super(sayError(englishTranslator(), words));
  }
}

function sendText(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(message);
}

function sendResult(res: http.ServerResponse, result: Result<unknown>): void {
  const body = toWire(result);
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, { key: 'bridge.bodyTooLarge', params: { limit } }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, { key: 'bridge.bodyTooLarge', params: { limit } }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/** Resolves a URL path inside `root`, or null when it would escape it. */
function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

/** Vite's launch-editor endpoint (development server only). */
const OPEN_IN_EDITOR = '/__open-in-editor';

/**
 * A request another site's page made for a file of the app (a script, an
 * image, a frame, a no-cors fetch), told by the browser's Fetch Metadata.
 * A top-level visit (a typed URL, a followed link) is not one; clients
 * that send no metadata (curl, tests) are not either.
 */
function isCrossSiteEmbed(req: http.IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== 'cross-site' && site !== 'same-site') return false;
  return !(req.headers['sec-fetch-mode'] === 'navigate' && req.headers['sec-fetch-dest'] === 'document');
}

export async function startBridge(options: BridgeOptions): Promise<BridgeHandle> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The bridge listens on 127.0.0.1 only.');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const heartbeatMs = (options.heartbeatSeconds ?? 15) * 1000;
  const staticRoot = options.staticDir ? path.resolve(options.staticDir) : undefined;
  const { session } = options;
  const openStreams = new Set<http.ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (pathname === '/api/events') {
      if (req.method !== 'GET') throw new HttpError(405, { key: 'bridge.useGet', params: { path: '/api/events' } });
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      res.write(': connected\n\n');
      openStreams.add(res);
      const unsubscribe = session.onEvent((event) => {
        res.write(`data: ${toWire(event)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      const cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        openStreams.delete(res);
      };
      req.on('close', cleanup);
      res.on('close', cleanup);
      return;
    }
    const method = pathname.slice('/api/'.length);
    if (!KNOWN_METHODS.has(method)) throw new HttpError(404, { key: 'bridge.unknownMethod', params: { method } });
    if (req.method !== 'POST') throw new HttpError(405, { key: 'bridge.usePost', params: { path: `/api/${method}` } });
    const body = await readBody(req, maxBody);
    let input: unknown;
    try {
      input = body.trim() ? fromWire(body) : {};
    } catch {
      sendResult(res, {
        ok: false,
        error: toApiError(DossierError.of('invalid-input', 'bridge.bodyNotJson'), session.translator?.()),
      });
      return;
    }
    const result = await callApi(
      session.service,
      method as (typeof RENDERER_METHODS)[number],
      input,
      session.translator?.(),
    );
    sendResult(res, result);
  };

  const handleStatic = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (!staticRoot) throw new HttpError(404, { key: 'bridge.notFound' });
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, { key: 'bridge.methodNotAllowed' });
    const file = resolveStatic(staticRoot, pathname);
    if (!file) throw new HttpError(404, { key: 'bridge.notFound' });
    let info;
    try {
      info = await stat(file);
    } catch {
      throw new HttpError(404, { key: 'bridge.notFound' });
    }
    if (!info.isFile()) throw new HttpError(404, { key: 'bridge.notFound' });
    const ext = path.extname(file).toLowerCase();
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': ext === '.html' ? 'no-store' : 'no-cache',
    };
    if (ext === '.html') {
      // The production policy, as Electron's main process would send it; the page's <meta> tag
      // carries the same policy minus frame-ancestors, which only works as a header.
      headers['Content-Security-Policy'] = contentSecurityPolicy();
      headers['X-Frame-Options'] = 'DENY';
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  const server = http.createServer((req, res) => {
    const fail = (err: unknown) => {
      const t = session.translator?.();
      if (err instanceof HttpError) sendText(res, err.status, t ? sayError(t, err.words) : err.message);
      else sendText(res, 500, toApiError(err, t).message);
    };
    try {
      const hostHeader = (req.headers.host ?? '').toLowerCase();
      if (!allowedHosts().has(hostHeader)) throw new HttpError(403, { key: 'bridge.forbiddenHost' });
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin))
        throw new HttpError(403, { key: 'bridge.forbiddenOrigin' });
      if (req.method === 'POST' && origin === undefined) throw new HttpError(403, { key: 'bridge.originRequired' });
      const pathname = new URL(req.url ?? '/', `http://${hostHeader}`).pathname;
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        handleApi(req, res, pathname).catch(fail);
        return;
      }
      if (isCrossSiteEmbed(req)) throw new HttpError(403, { key: 'bridge.noEmbedding' });
      // No page of any origin may frame the app (clickjacking); the static branch adds the full policy.
      res.setHeader('X-Frame-Options', 'DENY');
      res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
      if (options.viteMiddleware) {
        // Vite's dev endpoint that opens a file in an editor answers any page that names it.
        if (pathname.startsWith(OPEN_IN_EDITOR)) throw new HttpError(403, { key: 'bridge.notThroughBridge' });
        options.viteMiddleware(req, res, (err) => {
          if (err) fail(err);
          else fail(new HttpError(404, { key: 'bridge.notFound' }));
        });
        return;
      }
      handleStatic(req, res, pathname).catch(fail);
    } catch (err) {
      fail(err);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of openStreams) stream.end();
        openStreams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
