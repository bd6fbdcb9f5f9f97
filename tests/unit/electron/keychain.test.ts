/**
 * Tokens kept with the system's keychain (main/electron/keychain.ts) over a fake safeStorage: only
 * ciphertext on disk, found again for the address or a folder below it, refused where no safe store
 * exists (Linux's basic_text included), a token the system can no longer decrypt is no token.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeychainCredentials, TOKENS_FILE, tokenKey, type SafeStorageLike } from '../../../main/electron/keychain';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
async function folder() {
  const t = await tempDir('dossier-keychain-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A safeStorage whose "key" is a byte the test chooses; `available` and the backend as the test says. */
function fakeSafeStorage(options: { available?: boolean; backend?: string; key?: number; reEncrypt?: boolean } = {}) {
  const key = options.key ?? 0x5a;
  const calls = { encrypted: 0 };
  const safe: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    async encryptStringAsync(text) {
      calls.encrypted++;
      return Buffer.concat([Buffer.from([key]), Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ key))]);
    },
    async decryptStringAsync(buf) {
      if (buf[0] !== key)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return {
        result: Buffer.from(buf.subarray(1).map((b) => b ^ key)).toString('utf8'),
        shouldReEncrypt: options.reEncrypt ?? false,
      };
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
  return { safe, calls };
}

const TOKEN = 'tok-very-secret';

describe('tokens in the keychain', () => {
  it('keeps only ciphertext, readable by the owner alone, and finds it for the address and folders below it', async () => {
    const dir = await folder();
    const { safe } = fakeSafeStorage();
    const keys = new KeychainCredentials(dir, safe, 'linux');
    await keys.save('https://user:pw@git.example.org/team/?x=1#y', TOKEN, 'hanne');
    const text = await readFile(path.join(dir, TOKENS_FILE), 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(Object.keys(JSON.parse(text))).toEqual(['https://git.example.org/team']);
    if (process.platform !== 'win32') expect((await stat(path.join(dir, TOKENS_FILE))).mode & 0o077).toBe(0);
    expect(await keys.forUrl('https://git.example.org/team')).toEqual({ username: 'hanne', password: TOKEN });
    expect(await keys.forUrl('https://git.example.org/team/bridge.git')).toEqual({
      username: 'hanne',
      password: TOKEN,
    });
    // Another folder of the server, another server, and a look-alike name are not it.
    expect(await keys.forUrl('https://git.example.org/other/bridge.git')).toBeUndefined();
    expect(await keys.forUrl('https://git.example.org/teams/bridge.git')).toBeUndefined();
    expect(await keys.forUrl('https://elsewhere.example.org/team/bridge.git')).toBeUndefined();
    // The most specific address wins.
    await keys.save('https://git.example.org/team/bridge.git', 'tok-bridge');
    expect(await keys.forUrl('https://git.example.org/team/bridge.git')).toEqual({ password: 'tok-bridge' });
    await keys.forget('https://git.example.org/team/bridge.git');
    expect((await keys.forUrl('https://git.example.org/team/bridge.git'))?.password).toBe(TOKEN);
  });

  it('refuses to keep a token where the system has no safe store, and says so', async () => {
    for (const [safe, platform] of [
      [fakeSafeStorage({ available: false }), 'darwin'],
      [fakeSafeStorage({ backend: 'basic_text' }), 'linux'],
    ] as const) {
      const dir = await folder();
      const keys = new KeychainCredentials(dir, safe.safe, platform);
      expect(await keys.available()).toBe(false);
      await expect(keys.save('https://git.example.org/team', TOKEN)).rejects.toMatchObject({
        code: 'unsupported',
        message: expect.stringMatching(/never keeps tokens in plain text/),
      });
      expect(safe.calls.encrypted).toBe(0);
      await expect(readFile(path.join(dir, TOKENS_FILE))).rejects.toThrow(/ENOENT/);
    }
    // basic_text is Linux's; elsewhere the backend question does not arise.
    expect(
      await new KeychainCredentials(
        await folder(),
        fakeSafeStorage({ backend: 'basic_text' }).safe,
        'win32',
      ).available(),
    ).toBe(true);
  });

  it('a token the system can no longer decrypt is no token; one to re-encrypt is kept anew', async () => {
    const dir = await folder();
    await new KeychainCredentials(dir, fakeSafeStorage({ key: 1 }).safe).save('https://git.example.org/team', TOKEN);
    expect(
      await new KeychainCredentials(dir, fakeSafeStorage({ key: 2 }).safe).forUrl('https://git.example.org/team'),
    ).toBeUndefined();
    const rotating = fakeSafeStorage({ key: 1, reEncrypt: true });
    expect((await new KeychainCredentials(dir, rotating.safe).forUrl('https://git.example.org/team'))?.password).toBe(
      TOKEN,
    );
    expect(rotating.calls.encrypted).toBe(1);
  });

  it('names an address without user, password, query or trailing slash', () => {
    expect(tokenKey('https://a:b@Git.Example.org:8443/x/y.git/?q#f')).toBe('https://git.example.org:8443/x/y.git');
  });
});
