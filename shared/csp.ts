/**
 * The renderer's Content-Security-Policy, in one place. The renderer build
 * writes it into index.html's <meta> tag (the only policy a file:// page in
 * Electron gets), main sends it as a response header for http(s) loads, and
 * the loopback bridge sends it with the built renderer. Pure: no imports.
 *
 * Every source a directive allows is there because the built renderer needs
 * it; the end-to-end tests fail on any violation, so a directive that is too
 * tight shows up there, and one that is too loose has to be argued here.
 */

type Directives = Readonly<Record<string, readonly string[]>>;

/** The production policy. */
const PRODUCTION: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  // fetch and EventSource of the loopback bridge (same origin); Electron uses IPC.
  'connect-src': ["'self'"],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  // Set explicitly: without it workers fall back to script-src and 'self' would allow them. The app runs none.
  'worker-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Directives a <meta> policy cannot carry: Chromium ignores them there and
 * logs an error for each, so they are sent only as a header.
 */
const HEADER_ONLY: ReadonlySet<string> = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export interface CspOptions {
  /**
   * Under the Vite dev server (`npm run dev`, `npm run dev:web`):
   * - script-src 'unsafe-inline': React refresh's preamble is an inline module script;
   * - style-src 'unsafe-inline': Vite's client injects each CSS module as a <style>
   *   element, so it can swap it on a hot update (the build ships .css files);
   * - worker-src blob: when the HMR socket drops, Vite's client pings the
   *   server from a SharedWorker it creates from a blob: URL;
   * - the HMR websocket: 'self' already covers ws: to the page's own host and
   *   port; with `devServerUrl` that origin is also named explicitly.
   */
  dev?: boolean;
  /** The dev server's URL, e.g. http://localhost:5173/; implies `dev`. */
  devServerUrl?: string;
  /** 'meta' for index.html's <meta http-equiv> tag: without the header-only directives. Default 'header'. */
  delivery?: 'header' | 'meta';
}

function serialise(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The policy as a header or <meta> value; production unless `dev` or `devServerUrl` is given. Never 'unsafe-eval', never a remote origin. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  let directives: Directives = PRODUCTION;
  if (options.dev || options.devServerUrl) {
    const connect = ["'self'"];
    if (options.devServerUrl) {
      const dev = new URL(options.devServerUrl);
      connect.push(`${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`);
    }
    directives = {
      ...directives,
      'script-src': ["'self'", "'unsafe-inline'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'connect-src': connect,
      'worker-src': ['blob:'],
    };
  }
  if (options.delivery === 'meta') {
    directives = Object.fromEntries(Object.entries(directives).filter(([name]) => !HEADER_ONLY.has(name)));
  }
  return serialise(directives);
}
