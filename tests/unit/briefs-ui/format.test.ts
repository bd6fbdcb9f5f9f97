/**
 * Dates in the brief list and the annotation editor: written in the interface
 * language, in the system's own variant of it when it prefers one, English the
 * British way otherwise; and a claim's tags as the panels show them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateLocale, formatDateTime, hashTags } from '../../../renderer/src/briefs/format';

const prefer = (...languages: string[]) => vi.stubGlobal('navigator', { languages, language: languages[0] });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('brief dates', () => {
  it('follows the system’s variant of the interface language, else the language itself', () => {
    prefer('en-US', 'sv-FI');
    expect(dateLocale('en')).toBe('en-US');
    expect(dateLocale('sv')).toBe('sv-FI');
    prefer('de-DE');
    expect(dateLocale('en')).toBe('en-GB');
    expect(dateLocale('sv')).toBe('sv');
  });

  it('writes month names in the interface language', () => {
    prefer('en-GB');
    const iso = '2026-11-23T14:05:00';
    expect(formatDateTime(iso, 'en')).toBe('23 Nov, 14:05');
    expect(formatDateTime(iso, 'sv')).toMatch(/^23 nov\.? 14:05$/);
    expect(formatDateTime('not a date', 'sv')).toBe('not a date');
  });

  it('shows tags as hash tags', () => {
    expect(hashTags(['Sjöfart', 'Budget 2026'])).toBe('#Sjöfart #Budget 2026');
    expect(hashTags([])).toBe('');
  });
});
