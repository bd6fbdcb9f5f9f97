/**
 * File › Share Notebook… and File › Open Shared Notebook… as the page plays
 * them in the desktop app: the page is given a `window.dossier` shaped like
 * the preload's (the renderer-facing methods over the bridge, plus stand-ins
 * of the two desktop extras that record their calls), and the menu's command
 * arrives as the event main sends (steps.ts: installBridgeApi). The dialog asks where (a folder — main's
 * own dialog, so the page sends no path — or an https address with a token),
 * asks for the name and e-mail while the settings lack them, stays open when
 * main's dialog was cancelled, and says what main did.
 *
 * Main's side (its dialogs, the keychain, the share and the copy) is covered
 * by tests/unit/electron/team-desktop.test.ts. Screenshots go to
 * DOSSIER_SHOTS (when set) or tests/artifacts/team-desktop.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir, expect, test } from './app-fixture';
import { installBridgeApi, type BridgeInPage } from './steps';

const shots = process.env.DOSSIER_SHOTS ?? path.join(artifactsDir, 'team-desktop');

/** The desktop-shaped binding; `__bridge.emit` plays a menu item, `__calls` holds the extras' inputs. */
async function installBinding(page: Page): Promise<void> {
  await installBridgeApi(page);
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const calls: Array<{ method: string; input: unknown }> = [];
    w.__calls = calls;
    const api: Record<string, unknown> = { ...(w.__bridge as BridgeInPage).api };
    // Main's part, imitated: the first folder dialog is cancelled, then each answers.
    let folderDialogs = 0;
    api.shareNotebookWithDialog = async (input: { remote: { kind: string; url?: string } }) => {
      calls.push({ method: 'shareNotebookWithDialog', input });
      return {
        ok: true,
        value: { shared: true, remote: input.remote.url ?? 'bridge', result: { state: 'pushed', conflicts: 0 } },
      };
    };
    api.openSharedNotebookWithDialog = async (input: unknown) => {
      calls.push({ method: 'openSharedNotebookWithDialog', input });
      return folderDialogs++ === 0
        ? { ok: true, value: { opened: false } }
        : { ok: true, value: { opened: true, name: 'Bridge.dossier' } };
    };
    w.dossier = Object.freeze(api);
  });
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls);
const menu = (page: Page, command: string) =>
  page.evaluate(
    (c) => (window as unknown as { __bridge: BridgeInPage }).__bridge.emit({ type: 'menu', command: c }),
    command,
  );

test('Share and Open Shared Notebook: where the team keeps it, who you are, and what main did', async ({
  page,
  app,
}) => {
  await installBinding(page);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Your notebook has no sources yet' })).toBeVisible();

  // File › Share Notebook…: a labelled modal dialog; a folder by default; name and e-mail asked (none in Settings).
  await menu(page, 'share-notebook');
  const share = page.getByRole('dialog', { name: 'Share the notebook' });
  await expect(share).toBeVisible();
  expect(await share.evaluate((d) => d.matches(':modal'))).toBe(true);
  await expect(share.getByRole('radio', { name: /A folder/ })).toBeChecked();
  await expect(share.getByRole('button', { name: 'Choose folder…' })).toBeVisible();
  await expect(share.getByRole('textbox', { name: 'Address' })).toHaveCount(0);
  await share.getByRole('textbox', { name: 'Your name' }).fill('Hanne Lorentzen');
  await share.getByRole('textbox', { name: 'Your e-mail' }).fill('hanne@example.org');
  // A web address: its fields, the token hidden as typed.
  await share.getByRole('radio', { name: /git server on the web/ }).check();
  await share.getByRole('textbox', { name: 'Address' }).fill('http://git.example.org/team/bridge.git');
  await share.getByLabel('Access token (optional)').fill('tok-4711');
  await expect(share.getByLabel('Access token (optional)')).toHaveAttribute('type', 'password');
  await page.screenshot({ path: path.join(shots, 'share-web.png') });
  // Plain http is not offered a token: the field asks for https.
  await share.getByRole('button', { name: 'Share', exact: true }).click();
  expect(await calls(page)).toEqual([]);
  await share.getByRole('textbox', { name: 'Address' }).fill('https://git.example.org/team/bridge.git');
  await share.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(share).toBeHidden();
  await expect(page.getByText('Shared with https://git.example.org/team/bridge.git.')).toBeVisible();
  expect(await calls(page)).toEqual([
    {
      method: 'shareNotebookWithDialog',
      input: { remote: { kind: 'web', url: 'https://git.example.org/team/bridge.git', token: 'tok-4711' } },
    },
  ]);
  // The name and e-mail went to the settings, so the next dialog does not ask again.
  await expect
    .poll(() => page.evaluate(() => fetch('/api/getSettings', { method: 'POST', body: '{}' }).then((r) => r.json())))
    .toMatchObject({ ok: true, value: { authorName: 'Hanne Lorentzen', authorEmail: 'hanne@example.org' } });

  // File › Open Shared Notebook…: a folder; main's dialog cancelled keeps the dialog open, then it opens.
  await menu(page, 'open-shared-notebook');
  const open = page.getByRole('dialog', { name: 'Open a shared notebook' });
  await expect(open).toBeVisible();
  await expect(open.getByRole('textbox', { name: 'Your name' })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'open-shared.png') });
  await open.getByRole('button', { name: 'Choose folder…' }).click();
  await expect.poll(async () => (await calls(page)).length).toBe(2);
  await expect(open).toBeVisible();
  await open.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(open).toBeHidden();
  await expect(page.getByText('Opened the shared notebook Bridge.dossier.')).toBeVisible();
  expect((await calls(page)).slice(1)).toEqual([
    { method: 'openSharedNotebookWithDialog', input: { remote: { kind: 'folder' } } },
    { method: 'openSharedNotebookWithDialog', input: { remote: { kind: 'folder' } } },
  ]);

  // Escape closes it without a call.
  await menu(page, 'share-notebook');
  await expect(share).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();
  expect(await calls(page)).toHaveLength(3);
});
