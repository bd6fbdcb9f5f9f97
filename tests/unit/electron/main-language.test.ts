/**
 * The desktop app's main process speaks the person's language: with the
 * system in Swedish (and the setting "system"), the built main builds its menu
 * in Swedish, and the API's errors, the IPC door's refusals and the dialog of a
 * crashed window reach the person in Swedish; choosing English
 * in the settings rebuilds the menu in English at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { runMain } from './fixtures/main-entry-scenarios';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

type MenuNode = { label: string | null; role: string | null; submenu?: MenuNode[] };
const top = (menu: MenuNode[]) => menu.map((m) => m.label ?? m.role);

describe('the built main in the person’s language', () => {
  it('builds the menu and says API errors in Swedish on a Swedish system, and follows a change of the setting', async () => {
    const t = await tempDir('dossier-main-language-');
    cleanups.push(t.cleanup);
    const { summary } = await runMain('built', 'language', {
      home: t.dir,
      env: { FAKE_SYSTEM_LANGUAGES: 'sv-SE,en-GB', DOSSIER_CONFIG_DIR: `${t.dir}/config` },
    });
    const steps = summary.steps as {
      start: { menu: MenuNode[] };
      missing: { ok: false; error: { message: string } };
      after: { menu: MenuNode[]; missing: { ok: false; error: { message: string } } };
      refused: { ok: false; error: { message: string } };
      grant: { ok: false; error: { message: string } };
      crashDialog: { message: string; detail: string; buttons: string[] };
    };
    expect(top(steps.start.menu)).toEqual(['Arkiv', 'Redigera', 'Visa', 'Hjälp']);
    const file = steps.start.menu[0]!.submenu!.map((i) => i.label);
    expect(file).toEqual(expect.arrayContaining(['Ny anteckningsbok…', 'Öppna anteckningsbok…', 'Avsluta']));
    expect(steps.missing.error.message).toBe('Ingen källa med id "no-such-source" i den här anteckningsboken.');
    expect(steps.refused.error.message).toBe('Begäran kom inte från Dossiers fönster och avvisades.');
    expect(steps.grant.error.message).toBe(
      'Dossier har inte gett ut den här filbehörigheten, eller så har den redan använts. Släpp filerna eller välj dem igen.',
    );
    expect(steps.crashDialog.message).toBe('Fönstret stängdes oväntat');
    expect(steps.crashDialog.detail).toMatch(
      /^Fönstrets process avslutades \(orsak: crashed, slutkod 139\)\n\nDetaljerna finns i loggfilen:\n.*dossier\.log$/,
    );
    expect(steps.crashDialog.buttons).toEqual(['Okej', 'Visa loggfilen']);

    expect(top(steps.after.menu)).toEqual(['File', 'Edit', 'View', 'help']);
    expect(steps.after.missing.error.message).toBe('No source with id "gone" in this notebook.');
  }, 120_000);
});
