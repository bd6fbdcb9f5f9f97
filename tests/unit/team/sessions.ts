/**
 * Team sessions for the tests: notebooks in temporary folders, each person with their own settings
 * (their name and e-mail sign their commits), API calls that throw on an error Result, and a clone of
 * a remote's notebook made the way a person joins one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { unwrap } from '../../../shared/errors';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import {
  callApi,
  openNotebookSession,
  type NotebookSession,
  type SessionOptions,
} from '../../../main/services/session';

const temps: string[] = [];
const sessions: NotebookSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close().catch(() => undefined)));
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export async function temp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'dossier-team-'));
  temps.push(d);
  return d;
}

export async function open(dir: string, name: string, team: SessionOptions['team'] = {}) {
  const session = await openNotebookSession(dir, { team, settingsDir: await temp() });
  sessions.push(session);
  await call(session, 'updateSettings', { authorName: name, authorEmail: `${name.toLowerCase()}@example.org` });
  return session;
}

export async function call<M extends MethodName>(s: NotebookSession, m: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return unwrap(await callApi(s.service, m, input)) as ApiOutput<M>;
}

/** A clone of the remote's notebook in a new folder, opened as `name`. */
export async function cloneOf(remote: string, name: string, team?: SessionOptions['team']) {
  const dir = path.join(await temp(), 'nb.dossier');
  // A new, empty notebook joins by sharing into the team's remote: it takes the team's notebook.
  const s = await open(dir, name, team);
  expect((await call(s, 'shareNotebook', { remote })).state).toBe('pulled');
  return s;
}
