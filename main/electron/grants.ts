/**
 * Grants: the page's only way to name a file. When the person drops files on
 * the window or picks them in its file input, the preload reads their paths
 * (webUtils, which a page cannot fool) and main hands back one grant id per
 * path: random and unguessable, valid for one use and a limited time, and
 * forgotten when the window navigates or reloads. The page imports by grant
 * id; it never sees or sends a path.
 *
 * One `PathGrants` per window's webContents (`WindowGrants`). No electron
 * import: the stores are plain objects, so tests drive them directly.
 */
import { randomBytes } from 'node:crypto';
import { DossierError } from '../../shared/errors';

/** How long a grant stays usable (the person dropped the files a moment ago). */
export const GRANT_TTL_MS = 10 * 60 * 1000;

interface Grant {
  path: string;
  expires: number;
}

export interface GrantOptions {
  ttlMs?: number;
  now?: () => number;
}

export class PathGrants {
  readonly #grants = new Map<string, Grant>();
  readonly #ttl: number;
  readonly #now: () => number;

  constructor(options: GrantOptions = {}) {
    this.#ttl = options.ttlMs ?? GRANT_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** One new grant id per path, in order. */
  issue(paths: readonly string[]): string[] {
    this.#dropExpired();
    const expires = this.#now() + this.#ttl;
    return paths.map((path) => {
      const id = randomBytes(24).toString('base64url');
      this.#grants.set(id, { path, expires });
      return id;
    });
  }

  /**
   * The paths behind the grants, in order, using each grant up. All or
   * nothing: when one id is unknown, used, expired or repeated, none is used
   * and a DossierError ('invalid-input') says so.
   */
  redeem(ids: readonly string[]): string[] {
    this.#dropExpired();
    const unique = new Set(ids);
    if (unique.size !== ids.length || ids.some((id) => !this.#grants.has(id)))
      throw DossierError.of('invalid-input', 'electron.grantRefused');
    return ids.map((id) => {
      const grant = this.#grants.get(id)!;
      this.#grants.delete(id);
      return grant.path;
    });
  }

  /** Forgets every grant (navigation, reload, a closed window). */
  clear(): void {
    this.#grants.clear();
  }

  get size(): number {
    this.#dropExpired();
    return this.#grants.size;
  }

  #dropExpired(): void {
    const now = this.#now();
    for (const [id, grant] of this.#grants) if (grant.expires <= now) this.#grants.delete(id);
  }
}

/** The grants of each window, keyed by its webContents (forgotten with it). */
export class WindowGrants {
  readonly #byWindow = new WeakMap<object, PathGrants>();

  constructor(private readonly options: GrantOptions = {}) {}

  for(contents: object): PathGrants {
    let grants = this.#byWindow.get(contents);
    if (!grants) {
      grants = new PathGrants(this.options);
      this.#byWindow.set(contents, grants);
    }
    return grants;
  }

  clear(contents: object): void {
    this.#byWindow.get(contents)?.clear();
  }
}

/** The part of a webContents whose events end a page's grants. */
export interface NavigatingContents {
  on(
    event: 'did-start-navigation',
    listener: (details: { isMainFrame?: boolean; isSameDocument?: boolean }) => void,
  ): unknown;
  on(event: 'did-navigate' | 'render-process-gone' | 'destroyed', listener: () => void): unknown;
}

/**
 * A page's grants die with the page: a new document in the main frame
 * (navigation, reload), a crashed renderer, a closed window.
 */
export function forgetGrantsWithPage(contents: NavigatingContents, grants: WindowGrants): void {
  const forget = () => grants.clear(contents);
  contents.on('did-start-navigation', (details) => {
    if (details?.isMainFrame !== false && !details?.isSameDocument) forget();
  });
  contents.on('did-navigate', forget);
  contents.on('render-process-gone', forget);
  contents.on('destroyed', forget);
}
