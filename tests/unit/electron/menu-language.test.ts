/**
 * The menu in the person's language: every item Dossier names and every item
 * Electron would name itself (cut, zoom…) comes from the `menu` catalogue, with
 * the same ids and accelerators as in English.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu';
import { createTranslator } from '../../../shared/i18n';

const actions = new Proxy({}, { get: () => () => undefined }) as MenuActions;

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

function menu(platform: NodeJS.Platform, language?: 'en' | 'sv') {
  return buildMenuTemplate({
    platform,
    isDev: true,
    appName: 'Dossier',
    recent: [],
    actions,
    ...(language ? { translator: createTranslator(language) } : {}),
  });
}

describe('the menu in Swedish', () => {
  it('names the menus and every item in Swedish, keeping ids and accelerators', () => {
    const sv = menu('linux', 'sv');
    expect(sv.map((m) => m.label)).toEqual(['Arkiv', 'Redigera', 'Visa', 'Hjälp']);
    const all = items(sv).filter((i) => i.type !== 'separator');
    const unnamed = all.filter((i) => !i.label);
    expect(unnamed).toEqual([]);
    const byLabel = (label: string) => all.find((i) => i.label === label);
    expect(byLabel('Ny anteckningsbok…')?.id).toBe('new-notebook');
    expect(byLabel('Sök…')?.accelerator).toBe('CmdOrCtrl+K');
    expect(byLabel('Klipp ut')?.role).toBe('cut');
    expect(byLabel('Inga senaste anteckningsböcker')?.enabled).toBe(false);
    // The same structure as in English: the same ids in the same places.
    const ids = (t: MenuItemConstructorOptions[]) => items(t).map((i) => i.id ?? i.role ?? i.type ?? '');
    expect(ids(sv)).toEqual(ids(menu('linux', 'en')));
  });

  it('names the macOS application and window menus too', () => {
    const labels = items(menu('darwin', 'sv')).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['Fönster', 'Göm Dossier', 'Avsluta', 'Importera…']));
  });

  it('stays as it was in English: Electron names its own roles there', () => {
    const en = menu('linux');
    expect(en.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    expect(items(en).find((i) => i.role === 'cut')?.label).toBeUndefined();
  });
});
