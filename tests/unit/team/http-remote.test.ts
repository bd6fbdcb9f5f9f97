/**
 * Syncing with a remote over HTTP with a token: a loopback server runs Debian's `git http-backend`
 * as a CGI program behind Basic authentication. One person's token comes from a credentials
 * provider (as the desktop app gives it), the other's from $DOSSIER_GIT_TOKEN (as the CLI reads
 * it); a wrong token is refused with a readable error, and no token is written into the notebook.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import { unwrap } from '../../../shared/errors';
import {
  callApi,
  openNotebookSession,
  type NotebookSession,
  type SessionOptions,
} from '../../../main/services/session';

const GIT = '/usr/bin/git';
const TOKEN = 'tok_3f9a1c77e2';
let tmp: string;
let server: http.Server;
let base: string;
const sessions: NotebookSession[] = [];

/** git http-backend as CGI: the request's method, path and query in the environment, the body on stdin. */
function serveGit(projectRoot: string): http.Server {
  return http.createServer((req, res) => {
    const expected = `Basic ${Buffer.from(`oauth2:${TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="team"' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cgi = spawn(GIT, ['http-backend'], {
      env: {
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        REMOTE_USER: 'oauth2',
        REMOTE_ADDR: '127.0.0.1',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: projectRoot,
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (c: Buffer) => chunks.push(c));
    cgi.on('close', () => {
      const out = Buffer.concat(chunks);
      const end = out.indexOf('\r\n\r\n');
      const head = out.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head) {
        const [k, ...v] = line.split(':');
        if (k!.toLowerCase() === 'status') status = Number.parseInt(v.join(':').trim(), 10);
        else headers[k!] = v.join(':').trim();
      }
      res.writeHead(status, headers).end(out.subarray(end + 4));
    });
  });
}

async function call<M extends MethodName>(s: NotebookSession, m: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return unwrap(await callApi(s.service, m, input)) as ApiOutput<M>;
}

async function open(name: string, team: SessionOptions['team']) {
  const session = await openNotebookSession(path.join(tmp, name, 'nb.dossier'), {
    team,
    settingsDir: path.join(tmp, name),
  });
  sessions.push(session);
  return session;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-http-'));
  if (!existsSync(GIT)) return;
  execFileSync(GIT, ['init', '--quiet', '--bare', '-b', 'main', path.join(tmp, 'repos', 'team.git')]);
  server = serveGit(path.join(tmp, 'repos'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close().catch(() => undefined)));
  server?.close();
  delete process.env.DOSSIER_GIT_TOKEN;
  await rm(tmp, { recursive: true, force: true });
});

describe.runIf(existsSync(GIT))('a remote over HTTP with a token (git http-backend)', () => {
  it('shares, joins and merges through the server; a wrong token is refused', async () => {
    const remote = `${base}/team.git`;
    const a = await open('alice', { credentials: { forUrl: async () => ({ password: TOKEN }) } });
    await call(a, 'createActor', { name: 'Anna Lind', kind: 'person' });
    expect((await call(a, 'shareNotebook', { remote })).state).toBe('pushed');

    process.env.DOSSIER_GIT_TOKEN = TOKEN;
    const b = await open('bob', {});
    expect((await call(b, 'shareNotebook', { remote })).state).toBe('pulled');
    await call(b, 'createActor', { name: 'Per Alm', kind: 'person' });
    await call(a, 'createActor', { name: 'City Council', kind: 'organisation' });
    expect((await call(b, 'syncNotebook', {})).state).toBe('pushed');
    expect((await call(a, 'syncNotebook', {})).state).toBe('merged');
    expect((await call(b, 'syncNotebook', {})).state).toBe('pulled');
    const names = async (s: NotebookSession) => (await call(s, 'listActors', {})).map((x) => x.name).sort();
    expect(await names(b)).toEqual(['Anna Lind', 'City Council', 'Per Alm']);
    expect(await names(a)).toEqual(await names(b));

    // The token is nowhere in the notebook or its repository's configuration.
    for (const file of ['notebook.json', '.git/config'])
      expect(await readFile(path.join(a.dir, file), 'utf8'), file).not.toContain(TOKEN);
    expect((await call(a, 'getTeamStatus', {})).remote).toBe(remote);

    const c = await open('cleo', { credentials: { forUrl: async () => ({ password: 'wrong' }) } });
    const refused = await callApi(c.service, 'shareNotebook', { remote });
    expect(refused.ok || refused.error.message).toMatch(/refused the sign-in: check the token/);
    expect((await call(c, 'getTeamStatus', {})).shared).toBe(false);
  });
});
