/**
 * The shortcuts sheet reads every shortcut's label and every area's name from
 * the help catalogue: each must be there, in English as the shared table says
 * it (one source of truth for what a key does) and in every other language.
 */
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import { SHORTCUT_AREAS, SHORTCUTS } from '../../../shared/shortcuts';
import { UI_LANGUAGES } from '../../../shared/enums';

describe('the words of the shortcuts sheet', () => {
  it('has every shortcut and area, in English as the table says it', () => {
    const { shortcut, area } = resources.en.help as { shortcut: Record<string, string>; area: Record<string, string> };
    for (const s of SHORTCUTS) expect(shortcut[s.id], s.id).toBe(s.label);
    for (const a of SHORTCUT_AREAS) expect(area[a], a).toBe(a);
    expect(Object.keys(shortcut).sort()).toEqual(SHORTCUTS.map((s) => s.id).sort());
  });

  it('has them in every language', () => {
    for (const language of UI_LANGUAGES) {
      const { shortcut, area } = resources[language].help as {
        shortcut: Record<string, string>;
        area: Record<string, string>;
      };
      for (const s of SHORTCUTS) expect(shortcut[s.id], `${language} ${s.id}`).toMatch(/\S/);
      for (const a of SHORTCUT_AREAS) expect(area[a], `${language} ${a}`).toMatch(/\S/);
    }
  });
});
