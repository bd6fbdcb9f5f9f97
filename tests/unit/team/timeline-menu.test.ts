/** File › Shared Timeline… asks the renderer for the timeline panel, in the person's language. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu';
import { translatorFor } from '../../../main/services/settings/language';
import { MenuCommand } from '../../../shared/enums';

function fileMenu(platform: NodeJS.Platform, language: 'en' | 'sv') {
  const calls: string[] = [];
  const actions = new Proxy({} as MenuActions, {
    get: (_target, name) => (arg?: unknown) => calls.push(arg === undefined ? String(name) : `${String(name)}:${arg}`),
  });
  const menu = buildMenuTemplate({
    platform,
    isDev: false,
    appName: 'Dossier',
    recent: [],
    actions,
    translator: translatorFor(language),
  });
  const file = menu.find((m) => m.label === (language === 'en' ? 'File' : 'Arkiv'));
  return { items: (file?.submenu ?? []) as MenuItemConstructorOptions[], calls };
}

describe('File › Shared Timeline…', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const)
    it(`is in the File menu and sends the timeline command on ${platform}`, () => {
      const { items, calls } = fileMenu(platform, 'en');
      const item = items.find((i) => i.label === 'Shared Timeline…');
      expect(item).toBeDefined();
      (item?.click as unknown as () => void)();
      expect(calls).toEqual(['sendToRenderer:timeline']);
      expect(MenuCommand.parse('timeline')).toBe('timeline');
    });

  it('is named in Swedish too', () => {
    const { items, calls } = fileMenu('linux', 'sv');
    (items.find((i) => i.label === 'Delad tidslinje…')?.click as unknown as () => void)();
    expect(calls).toEqual(['sendToRenderer:timeline']);
  });
});
