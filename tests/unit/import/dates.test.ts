import { describe, expect, it } from 'vitest';
import { datelineDate, parseDate } from '../../../main/services/import/extract/dates';

describe('parseDate', () => {
  it.each([
    ['Published on 29 November 2018', '2018-11-29'],
    ['Publicerad 12 nov 2018 kl 10.15', '2018-11-12'],
    ['Veröffentlicht am 3. März 2019', '2019-03-03'],
    ['Publié le 1er mars 2019', '2019-03-01'],
    ['12/11/2018', '2018-11-12'],
    ['11/29/2018', '2018-11-29'],
    ['2018-11-12T08:15:00+01:00', '2018-11-12'],
    ['12.11.2018', '2018-11-12'],
    ['November 29, 2018', '2018-11-29'],
    ['måndag 12 november 2018', '2018-11-12'],
    ['Sonntag, 17. Juni 2019', '2019-06-17'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('rejects impossible dates and text without one', () => {
    expect(parseDate('31/02/2018')).toBeUndefined();
    expect(parseDate('The council met on Monday.')).toBeUndefined();
    expect(parseDate('2018-13-40')).toBeUndefined();
  });
});

describe('datelineDate', () => {
  it('recognises lines that are a date, in several languages', () => {
    expect(datelineDate('Publicerad måndag 12 november 2018 kl 06.00')).toBe('2018-11-12');
    expect(datelineDate('Uppdaterad 12 november 2018 kl 09.41')).toBe('2018-11-12');
    expect(datelineDate('Veröffentlicht am 3. März 2019, 19:45 Uhr')).toBe('2019-03-03');
    expect(datelineDate('Publié le 17 juin 2019 à 18h42')).toBe('2019-06-17');
    expect(datelineDate('Tuesday 13 November 2018 10:15 GMT')).toBe('2018-11-13');
  });

  it('does not take a sentence that mentions a date for a dateline', () => {
    expect(datelineDate('The talks resumed on 12 November 2018 after a long break.')).toBeUndefined();
    expect(
      datelineDate('Skolan öppnar tidigast i augusti 2020 enligt kommunen och 12/11/2018 var beslutsdagen.'),
    ).toBeUndefined();
  });
});
