/**
 * The git side of a shared notebook (docs/team.md), over isomorphic-git: no
 * git program is needed. A remote is a web address (HTTPS, with a token from
 * a credentials provider — never stored in the notebook) or a folder: a bare
 * repository on this computer or a file share, reached with Node's file
 * system (objects are copied between the two object stores, as git's local
 * transport does).
 */
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { DossierError } from '../../../shared/errors';

export const BRANCH = 'main';
export const REMOTE = 'origin';

/** Where a token for a remote comes from: the desktop app keeps them in the OS's store, the CLI reads the environment. */
export interface GitCredentials {
  forUrl(url: string): Promise<{ username?: string; password: string } | undefined>;
}

/** The CLI's credentials: `$DOSSIER_GIT_TOKEN` (and `$DOSSIER_GIT_USERNAME`, default "oauth2"). */
export const environmentCredentials: GitCredentials = {
  async forUrl() {
    const token = process.env.DOSSIER_GIT_TOKEN;
    return token ? { username: process.env.DOSSIER_GIT_USERNAME || 'oauth2', password: token } : undefined;
  },
};

export const isWebRemote = (url: string) => /^https?:\/\//i.test(url);

export interface Repo {
  dir: string;
  credentials: GitCredentials;
}

const onAuth = (repo: Repo) => async (url: string) => {
  const found = await repo.credentials.forUrl(url);
  return found ? { username: found.username ?? 'oauth2', password: found.password } : { cancel: true };
};

/** The git folder of a local remote: the bare repository itself, or a working copy's `.git`. */
async function remoteGitdir(url: string): Promise<string> {
  const dir = path.resolve(url.replace(/^file:\/\//, ''));
  try {
    await fs.promises.access(path.join(dir, '.git', 'HEAD'));
    return path.join(dir, '.git');
  } catch {
    return dir;
  }
}

export async function isRepo(dir: string): Promise<boolean> {
  try {
    await fs.promises.access(path.join(dir, '.git', 'HEAD'));
    return true;
  } catch {
    return false;
  }
}

/** The commit a ref points to, or undefined when there is none (an empty repository). */
export async function resolve(ref: string, where: { dir?: string; gitdir?: string }): Promise<string | undefined> {
  try {
    return await git.resolveRef({ fs, ...where, ref });
  } catch (err) {
    if ((err as { code?: string }).code === 'NotFoundError') return undefined;
    throw err;
  }
}

export async function remoteUrl(dir: string): Promise<string | undefined> {
  return (await git.getConfig({ fs, dir, path: `remote.${REMOTE}.url` })) as string | undefined;
}

export async function setRemote(dir: string, url: string): Promise<void> {
  await git.setConfig({ fs, dir, path: `remote.${REMOTE}.url`, value: url });
  await git.setConfig({ fs, dir, path: `remote.${REMOTE}.fetch`, value: `+refs/heads/*:refs/remotes/${REMOTE}/*` });
}

/** Creates an empty bare repository at a local remote's folder when there is none. */
export async function ensureLocalRemote(url: string): Promise<void> {
  if (isWebRemote(url)) return;
  const gitdir = await remoteGitdir(url);
  try {
    await fs.promises.access(path.join(gitdir, 'HEAD'));
  } catch {
    await fs.promises.mkdir(gitdir, { recursive: true });
    await git.init({ fs, dir: gitdir, bare: true, defaultBranch: BRANCH });
  }
}

/** A failure of the remote in words: a refused token, an address that does not answer. */
function remoteError(err: unknown, url: string): unknown {
  if (err instanceof DossierError) return err;
  const code = (err as { code?: string }).code;
  const status = (err as { data?: { statusCode?: number } }).data?.statusCode;
  const where = safeAddress(url);
  if (code === 'UserCanceledError' || status === 401 || status === 403)
    return DossierError.of('io', 'team.signInRefused', { where });
  if (code === 'HttpError' || code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ENOENT')
    return DossierError.of('io', 'team.unreachable', { where, reason: (err as Error).message.split('\n')[0]! });
  return err;
}

/** A remote's address without any user name or token in it. */
export function safeAddress(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      u.username = '';
      u.password = '';
      return u.toString();
    }
  } catch {
    // a folder
  }
  return url;
}

/** Fetches the remote's branch; returns its commit, or undefined when the remote has none yet. */
export async function fetchRemote(repo: Repo, url: string): Promise<string | undefined> {
  try {
    return await fetchBranch(repo, url);
  } catch (err) {
    throw remoteError(err, url);
  }
}

async function fetchBranch(repo: Repo, url: string): Promise<string | undefined> {
  const tracking = `refs/remotes/${REMOTE}/${BRANCH}`;
  if (isWebRemote(url)) {
    const refs = await git.listServerRefs({ http, url, onAuth: onAuth(repo), prefix: `refs/heads/${BRANCH}` });
    if (!refs.some((r) => r.ref === `refs/heads/${BRANCH}`)) return undefined;
    const r = await git.fetch({
      fs,
      http,
      dir: repo.dir,
      url,
      ref: BRANCH,
      singleBranch: true,
      tags: false,
      onAuth: onAuth(repo),
    });
    if (!r.fetchHead) return undefined;
    await git.writeRef({ fs, dir: repo.dir, ref: tracking, value: r.fetchHead, force: true });
    return r.fetchHead;
  }
  const gitdir = await remoteGitdir(url);
  const oid = await resolve(`refs/heads/${BRANCH}`, { gitdir });
  if (!oid) return undefined;
  await copyObjects({ gitdir }, { dir: repo.dir }, oid);
  await git.writeRef({ fs, dir: repo.dir, ref: tracking, value: oid, force: true });
  return oid;
}

/** Pushes our branch; refuses (nothing changed there) when the remote moved on since the fetch. */
export async function pushRemote(repo: Repo, url: string, oid: string, expected: string | undefined): Promise<void> {
  try {
    await pushBranch(repo, url, oid, expected);
  } catch (err) {
    throw remoteError(err, url);
  }
}

async function pushBranch(repo: Repo, url: string, oid: string, expected: string | undefined): Promise<void> {
  if (isWebRemote(url)) {
    const r = await git.push({ fs, http, dir: repo.dir, url, ref: BRANCH, remoteRef: BRANCH, onAuth: onAuth(repo) });
    if (!r.ok) throw DossierError.of('io', 'team.pushRefused', { reason: r.error ?? 'unknown reason' });
    return;
  }
  const gitdir = await remoteGitdir(url);
  const now = await resolve(`refs/heads/${BRANCH}`, { gitdir });
  if (now !== expected) throw DossierError.of('io', 'team.sharedMeanwhile');
  await copyObjects({ dir: repo.dir }, { gitdir }, oid);
  await git.writeRef({ fs, gitdir, ref: `refs/heads/${BRANCH}`, value: oid, force: true });
}

type Where = { dir?: string; gitdir?: string };

/** Copies every object `oid` reaches that `to` lacks (a commit present there is assumed complete, with its history). */
async function copyObjects(from: Where, to: Where, oid: string): Promise<void> {
  const has = async (o: string) => {
    try {
      await git.readObject({ fs, ...to, oid: o, format: 'deflated' });
      return true;
    } catch {
      return false;
    }
  };
  const stack = [oid];
  const seen = new Set<string>();
  while (stack.length) {
    const o = stack.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    if (await has(o)) continue;
    const obj = await git.readObject({ fs, ...from, oid: o, format: 'content' });
    const bytes = obj.object as Uint8Array;
    if (obj.type === 'commit') {
      const { commit } = await git.readCommit({ fs, ...from, oid: o });
      stack.push(commit.tree, ...commit.parent);
    } else if (obj.type === 'tree') {
      const { tree } = await git.readTree({ fs, ...from, oid: o });
      for (const e of tree) if (e.type !== 'commit') stack.push(e.oid);
    }
    // Written after what it points to was queued; a crash leaves extra objects, never a dangling ref.
    await git.writeObject({ fs, ...to, type: obj.type as 'blob', object: bytes, format: 'content', oid: o });
  }
}

/** Every file of a commit's tree: path → blob id. */
export async function treeFiles(dir: string, oid: string | undefined): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!oid) return files;
  const walk = async (treeOid: string, prefix: string) => {
    const { tree } = await git.readTree({ fs, dir, oid: treeOid });
    for (const e of tree) {
      if (e.type === 'tree') await walk(e.oid, `${prefix}${e.path}/`);
      else if (e.type === 'blob') files.set(`${prefix}${e.path}`, e.oid);
    }
  };
  const { commit } = await git.readCommit({ fs, dir, oid });
  await walk(commit.tree, '');
  return files;
}

export async function readText(dir: string, oid: string | undefined): Promise<string | undefined> {
  if (!oid) return undefined;
  const { blob } = await git.readBlob({ fs, dir, oid });
  return Buffer.from(blob).toString('utf8');
}

/** Writes a tree for `files` (path → blob id), folders included; returns its id. */
export async function writeFilesTree(dir: string, files: ReadonlyMap<string, string>): Promise<string> {
  type Node = Map<string, Node | string>;
  const root: Node = new Map();
  for (const [p, oid] of files) {
    const parts = p.split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let next = node.get(part);
      if (typeof next !== 'object') node.set(part, (next = new Map()));
      node = next;
    }
    node.set(parts[parts.length - 1]!, oid);
  }
  const write = async (node: Node): Promise<string> => {
    const tree = [];
    for (const [name, v] of node)
      tree.push(
        typeof v === 'string'
          ? { mode: '100644', path: name, oid: v, type: 'blob' as const }
          : { mode: '040000', path: name, oid: await write(v), type: 'tree' as const },
      );
    return git.writeTree({ fs, dir, tree });
  };
  return write(root);
}

export async function writeText(dir: string, text: string): Promise<string> {
  return git.writeBlob({ fs, dir, blob: Buffer.from(text, 'utf8') });
}

export { fs, git };
