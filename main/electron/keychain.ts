/**
 * Tokens for web remotes kept with the system's keychain (docs/team.md):
 * Electron's safeStorage encrypts each token with a key the OS keeps (the
 * macOS Keychain, Windows DPAPI, a Linux secret store) and only the
 * ciphertext is written, to `git-tokens.json` in the person's configuration
 * folder — never into a notebook or its `.git/config`. Where the system
 * offers no such key (safeStorage unavailable, or Linux's `basic_text`
 * fallback, whose key is the same on every computer) a token is refused, not
 * kept in plain text, and the person is told why.
 *
 * The sessions get this as their `GitCredentials` provider: main/services
 * never imports electron. Written against a small structural interface so
 * tests pass a fake safeStorage.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../../shared/errors';
import type { GitCredentials } from '../services/team/git-repo';

/** The part of Electron's safeStorage used here (the asynchronous API; the synchronous one is deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which secret store safeStorage chose. */
  getSelectedStorageBackend?(): string;
}

export const TOKENS_FILE = 'git-tokens.json';

interface Stored {
  username?: string;
  /** The token as safeStorage encrypted it, base64. */
  token: string;
}

/** The address a token is kept under: no user, password, query or fragment, no trailing slash. */
export function tokenKey(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

export class KeychainCredentials implements GitCredentials {
  constructor(
    private readonly dir: string,
    private readonly safe: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  private get file(): string {
    return path.join(this.dir, TOKENS_FILE);
  }

  /** Whether a token can be kept encrypted with a key of the system's. */
  async available(): Promise<boolean> {
    if (!(await this.safe.isAsyncEncryptionAvailable())) return false;
    return !(this.platform === 'linux' && this.safe.getSelectedStorageBackend?.() === 'basic_text');
  }

  private async read(): Promise<Record<string, Stored>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, Stored>;
    } catch {
      return {};
    }
  }

  private async write(all: Record<string, Stored>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(all, null, 1)}\n`, { mode: 0o600 });
    await rename(temp, this.file);
  }

  /** Keeps the token for a web remote (encrypted); refuses when the system offers no safe key. */
  async save(url: string, token: string, username?: string): Promise<void> {
    if (!(await this.available())) throw DossierError.of('unsupported', 'team.keychainUnavailable');
    const all = await this.read();
    const encrypted = await this.safe.encryptStringAsync(token);
    all[tokenKey(url)] = { ...(username ? { username } : {}), token: encrypted.toString('base64') };
    await this.write(all);
  }

  async forget(url: string): Promise<void> {
    const all = await this.read();
    if (!(tokenKey(url) in all)) return;
    delete all[tokenKey(url)];
    await this.write(all);
  }

  /** The token kept for the address, or for the nearest folder above it on the same server. */
  async forUrl(url: string): Promise<{ username?: string; password: string } | undefined> {
    let key: string;
    try {
      key = tokenKey(url);
    } catch {
      return undefined;
    }
    const all = await this.read();
    const match = Object.keys(all)
      .filter((k) => k === key || key.startsWith(`${k}/`))
      .sort((a, b) => b.length - a.length)[0];
    if (!match) return undefined;
    const stored = all[match]!;
    try {
      const { result, shouldReEncrypt } = await this.safe.decryptStringAsync(Buffer.from(stored.token, 'base64'));
      if (shouldReEncrypt) await this.save(match, result, stored.username).catch(() => undefined);
      return { ...(stored.username ? { username: stored.username } : {}), password: result };
    } catch {
      // Encrypted with a key this system no longer has: as if there were none (the remote then refuses).
      return undefined;
    }
  }
}
