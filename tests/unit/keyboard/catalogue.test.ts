/**
 * The keyboard catalogue carries the words of the shortcuts this area added
 * to the shared table (for the shortcuts sheet and the View menu once they
 * read catalogues): the English must stay the table's label, and every
 * caret, pane and list shortcut must have its entry.
 */
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/locales/en/keyboard.json';
import sv from '../../../shared/i18n/locales/sv/keyboard.json';
import { SHORTCUTS } from '../../../shared/shortcuts';

const OURS = SHORTCUTS.filter((s) =>
  /^(caret-|select-(character|word|line|paragraph|text)|list-|(next|previous)-pane)/.test(s.id),
);

describe('keyboard catalogue', () => {
  it('has every caret, pane and list shortcut, in English as the table says it', () => {
    expect(OURS.length).toBe(17);
    const words = en.shortcut as Record<string, string>;
    for (const s of OURS) expect(words[s.id], s.id).toBe(s.label);
    expect(Object.keys(words).sort()).toEqual(OURS.map((s) => s.id).sort());
  });

  it('has them in Swedish too', () => {
    const words = sv.shortcut as Record<string, string>;
    for (const s of OURS) expect(words[s.id], s.id).toMatch(/\S/);
  });
});
