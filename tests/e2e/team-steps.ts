/**
 * Shared notebooks in the end-to-end tests: a person is a folder holding their notebook
 * (`nb.dossier`) and their settings (`config/`, where the app started on that notebook looks:
 * their name signs their commits). Sharing is done with the CLI, as a person does it (the page
 * cannot name a path); the app then syncs through its toolbar.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startDevWeb, type DevWebServer } from '../helpers/dev-web-server';
import { expect, repoRoot, type AppServer } from './app-fixture';
import { api } from './steps';

export interface Person {
  name: string;
  notebook: string;
  config: string;
}

export async function person(root: string, name: string): Promise<Person> {
  const config = path.join(root, name.toLowerCase(), 'config');
  await mkdir(config, { recursive: true });
  const settings = { language: 'en', authorName: name, authorEmail: `${name.toLowerCase()}@example.org` };
  await writeFile(path.join(config, 'settings.json'), JSON.stringify(settings));
  return { name, notebook: path.join(root, name.toLowerCase(), 'nb.dossier'), config };
}

/** Runs the built `dossier` CLI as this person; returns its stdout. */
export function dossier(who: Person, ...args: string[]): string {
  return execFileSync(
    process.execPath,
    [path.join(repoRoot, 'bin', 'dossier.mjs'), '--notebook', who.notebook, ...args],
    {
      env: { ...process.env, DOSSIER_CONFIG_DIR: who.config },
      encoding: 'utf8',
    },
  );
}

/** The app on this person's notebook (the bridge and the built renderer), and an AppServer for `api()`. */
export async function startApp(who: Person): Promise<{ server: DevWebServer; app: AppServer }> {
  const server = await startDevWeb(who.notebook, 'built');
  const unused = async () => {
    throw new Error('not used by the team specs');
  };
  return { server, app: { url: server.url, notebookDir: who.notebook, readSource: unused, sourceFiles: unused } };
}

/** Clicks Sync and waits until the sync finished (the notebook records when) and the button is back. */
export async function syncInUi(page: Page, app: AppServer): Promise<void> {
  const lastSync = async () => (await api<{ lastSyncAt?: string }>(app, 'getTeamStatus', {})).lastSyncAt ?? '';
  const before = await lastSync();
  const button = page.getByRole('button', { name: /^Sync/ });
  await button.click();
  await expect.poll(lastSync, { timeout: 20_000 }).not.toBe(before);
  await expect(button).toHaveText('Sync');
  await expect(button).toBeEnabled();
}
