/**
 * The Content-Security-Policy has one definition (shared/csp.ts). These tests
 * pin what it allows, and that the places that deliver it — the built
 * index.html Electron loads, the dev server's index.html — carry exactly it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createServer, type HtmlTagDescriptor, type IndexHtmlTransformContext, type Plugin } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { cspMeta } from '../../../renderer/vite.config';
import { contentSecurityPolicy } from '../../../shared/csp';
import { BUILT, repoRoot, staleReason } from '../../helpers/built-app';

type Policy = Map<string, string[]>;

function parse(csp: string): Policy {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
}

/** The content of every CSP <meta> tag in a page. */
function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) => m[1]!);
}

describe('the production policy', () => {
  const header = parse(contentSecurityPolicy());

  it('allows the app its own files and nothing else: no inline code, no eval, no data:/blob:, no remote origin', () => {
    expect(header.get('default-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src'])
      expect(header.get(name), name).toEqual(["'self'"]);
    for (const name of [
      'worker-src',
      'object-src',
      'frame-src',
      'media-src',
      'base-uri',
      'form-action',
      'frame-ancestors',
    ]) {
      expect(header.get(name), name).toEqual(["'none'"]);
    }
    const everything = [...header.values()].flat();
    expect(everything.filter((v) => v !== "'self'" && v !== "'none'")).toEqual([]);
  });

  it('as a <meta> tag is the header minus frame-ancestors, which a <meta> policy cannot carry', () => {
    const meta = contentSecurityPolicy({ delivery: 'meta' });
    expect(parse(meta).has('frame-ancestors')).toBe(false);
    expect(`${meta}; frame-ancestors 'none'`).toBe(contentSecurityPolicy());
  });
});

describe('the development policy', () => {
  it('adds only the inline React-refresh preamble, Vite’s injected <style> elements and its blob: ping worker; ws: comes from the dev server’s origin', () => {
    const production = parse(contentSecurityPolicy());
    const dev = parse(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('worker-src')).toEqual(['blob:']);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(parse(contentSecurityPolicy({ dev: true })).get('connect-src')).toEqual(["'self'"]);
    for (const [name, values] of production) {
      if (['script-src', 'style-src', 'worker-src', 'connect-src'].includes(name)) continue;
      expect(dev.get(name), name).toEqual(values);
    }
    expect(contentSecurityPolicy({ devServerUrl: 'https://127.0.0.1:4000/' })).toContain(
      "connect-src 'self' wss://127.0.0.1:4000",
    );
    expect(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' })).not.toContain('unsafe-eval');
  });
});

describe('index.html', () => {
  it('in the source carries only a fail-closed placeholder, filled in by the build', async () => {
    const source = await readFile(path.join(repoRoot, 'renderer', 'index.html'), 'utf8');
    expect(metaPolicies(source)).toEqual(["default-src 'none'"]);
  });

  it('a page without the CSP <meta> tag fails the build instead of shipping without a policy', () => {
    const hook = cspMeta().transformIndexHtml as {
      handler: (html: string, ctx: IndexHtmlTransformContext) => string | HtmlTagDescriptor[];
    };
    const ctx = { filename: 'index.html', path: '/index.html' } as IndexHtmlTransformContext;
    expect(() => hook.handler('<html><head><title>x</title></head></html>', ctx)).toThrow(
      /no Content-Security-Policy <meta> tag/,
    );
  });

  describe('as built by `npm run build` (what Electron loads from file://)', () => {
    let html = '';
    beforeAll(async () => {
      // out/ is made current once for the whole run by Vitest's global setup (npm run build).
      expect(staleReason()).toBeNull();
      html = await readFile(path.join(repoRoot, BUILT.renderer), 'utf8');
    }, 120_000);

    it('carries exactly the production policy', () => {
      expect(metaPolicies(html)).toEqual([contentSecurityPolicy({ delivery: 'meta' })]);
    });

    it('has no inline script or style for that policy to refuse', () => {
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/\ssrc="\.\/assets\//);
        expect(body!.trim()).toBe('');
      }
      expect(html).not.toMatch(/<style\b|\sstyle="/i);
    });
  });

  it('as Vite serves it in development carries the development policy next to the inline preamble it allows', async () => {
    // As under `npm run dev:web` (React refresh on only outside production).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    const server = await createServer({
      configFile: path.join(repoRoot, 'renderer', 'vite.config.ts'),
      logLevel: 'silent',
      server: { middlewareMode: true, ws: false },
    });
    try {
      const source = await readFile(path.join(repoRoot, 'renderer', 'index.html'), 'utf8');
      const served = await server.transformIndexHtml('/index.html', source);
      expect(metaPolicies(served)).toEqual([contentSecurityPolicy({ dev: true, delivery: 'meta' })]);
      // React refresh's preamble: the inline module script the development policy's 'unsafe-inline' is for.
      expect(served).toMatch(/<script type="module">[^<]*injectIntoGlobalHook/);
    } finally {
      await server.close();
      process.env.NODE_ENV = nodeEnv;
    }
  });
});

// The plugin is shared, not copied, by the app's build config.
it('electron.config.ts builds the renderer with the same CSP plugin', async () => {
  const { default: config } = (await import('../../../electron.config')) as {
    default: { renderer?: { plugins?: Plugin[] } };
  };
  const names = (config.renderer?.plugins ?? []).flat().map((p) => (p as Plugin).name);
  expect(names).toContain('dossier:csp-meta');
});
