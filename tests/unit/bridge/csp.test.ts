import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relaxCspForDev } from '../../../renderer/vite.config';

const indexHtml = path.resolve(import.meta.dirname, '../../../renderer/index.html');

function policyOf(html: string): Map<string, string[]> {
  const content = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)?.[1];
  if (!content) throw new Error('no CSP meta in index.html');
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('the renderer Content-Security-Policy', () => {
  it('is strict in index.html: nothing inline or eval for scripts, only the app itself', async () => {
    const csp = policyOf(await readFile(indexHtml, 'utf8'));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    // Chromium ignores (and logs an error for) frame-ancestors in a <meta> CSP: it is sent as a
    // header by the bridge and by Electron's main process instead.
    expect(csp.has('frame-ancestors')).toBe(false);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
  });

  it('is relaxed only for the dev server: inline preamble and HMR websocket, nothing else changes', async () => {
    const html = await readFile(indexHtml, 'utf8');
    const strict = policyOf(html);
    const content = html.match(/content="([^"]*)"/)![1]!;
    const dev = policyOf(`http-equiv="Content-Security-Policy" content="${relaxCspForDev(content)}"`);
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toContain('ws://127.0.0.1:*');
    expect(dev.get('connect-src')![0]).toBe("'self'");
    for (const [name, values] of strict) {
      if (name === 'script-src' || name === 'connect-src') continue;
      expect(dev.get(name), name).toEqual(values);
    }
    for (const values of dev.values()) expect(values).not.toContain("'unsafe-eval'");
  });
});
