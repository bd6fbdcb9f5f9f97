/**
 * The boilerplate classifier on its own: rules for what news sites append,
 * metadata lines, and the positions that let the UI restore a removed block.
 */
import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../main/services/import/extract/boilerplate';
import { bylineAuthor, outletFromCopyright } from '../../../main/services/import/extract/boilerplate-rules';
import { textBlocks } from '../../../main/services/import/extract/plain';

const P = [
  'The harbour board met on Wednesday evening to decide whether the old grain silo on the east quay should be torn down or turned into housing, a question that has divided the town for the better part of a decade.',
  'A majority of the board voted to sell the building to a housing cooperative, which has promised to keep the façade and build sixty flats behind it, a quarter of them for rent at below-market prices.',
  'Opponents said the cooperative had not shown that it could raise the money, and asked for an independent review of its finances before any contract is signed with the board.',
  'The sale is expected to be completed in the spring, the chair of the board said after the vote.',
];

function classify(lines: string[]) {
  return classifyBlocks(textBlocks(lines.join('\n\n')), { lang: 'en', findTitle: true });
}

describe('bylines and copyright lines', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe'],
    ['Av Anna Lindqvist, TT', 'Anna Lindqvist'],
    ['Von Jonas Weber', 'Jonas Weber'],
    ['Par Claire Martin', 'Claire Martin'],
    ['Tomás Reyes with AFP', 'Tomás Reyes'],
    ['By Hamid Qureshi, Local Democracy Reporter', 'Hamid Qureshi'],
    ['Reporting by Sam Okonjo; Editing by Clara Weiss', 'Sam Okonjo'],
    ['Karin Ek med TT', 'Karin Ek'],
    ['Von Katrin Vogel · 14.02.2019, 06:30 Uhr', 'Katrin Vogel'],
  ])('%s → %s', (line, name) => {
    expect(bylineAuthor(line)).toBe(name);
  });

  it('does not read sentences as bylines', () => {
    expect(bylineAuthor('By the end of the year the port will have new cranes.')).toBeUndefined();
    expect(bylineAuthor('Von der Leyen said the talks would continue.')).toBeUndefined();
  });

  it('names the outlet from a copyright line', () => {
    expect(outletFromCopyright('© 2018 The Northern Ledger. All rights reserved.')).toBe('The Northern Ledger');
    expect(outletFromCopyright('Copyright © 2018 The Meridian Post Ltd. All rights reserved.')).toBe(
      'The Meridian Post',
    );
    expect(outletFromCopyright('© Nordbladet 2018. Alla rättigheter förbehållna.')).toBe('Nordbladet');
    expect(outletFromCopyright('© Lindenauer Rundschau 2019 – Alle Rechte vorbehalten')).toBe('Lindenauer Rundschau');
  });
});

describe('classifyBlocks', () => {
  it('removes what news sites put around an article, each with its reason', () => {
    const r = classify([
      'Home\nNews\nLocal\nSport',
      'We use cookies to personalise content and ads. By using this site you accept our cookie policy.',
      'Old grain silo to become housing after board vote',
      'By Jane Doe\nPublished on 29 November 2018',
      P[0]!,
      'The east quay silo at dusk. Photo: Sam Reid / Reuters',
      P[1]!,
      'Want The Harbour Gazette to notify you of breaking news?',
      P[2]!,
      'Harbour Gazette Business Awards 2019\nJoin us on 12 March 2019. Book your tickets now!',
      P[3]!,
      'Share on Facebook | Twitter | Email',
      'Read more\nSilo debate: a timeline\nWhy the town is short of homes',
      '© 2018 The Harbour Gazette. All rights reserved.',
      'Back to list',
    ]);
    expect(r.paragraphs).toEqual(P);
    expect(r.title).toBe('Old grain silo to become housing after board vote');
    expect(r.author).toBe('Jane Doe');
    expect(r.publishedAt).toBe('2018-11-29');
    expect(r.outlet).toBe('The Harbour Gazette');
    const reasonOf = (start: string) => r.removed.find((x) => x.text.startsWith(start))?.reason;
    expect(reasonOf('We use cookies')).toBe('cookie notice');
    expect(reasonOf('The east quay silo')).toBe('caption');
    expect(reasonOf('Want The Harbour')).toBe('notification prompt');
    expect(reasonOf('Join us on')).toBe('event ad');
    expect(reasonOf('Harbour Gazette Business Awards')).toBe('event ad');
    expect(reasonOf('Share on')).toBe('share buttons');
    expect(reasonOf('Read more')).toBe('related links');
    expect(reasonOf('Silo debate')).toBe('related links');
    expect(reasonOf('©')).toBe('copyright');
    expect(reasonOf('Back to list')).toBe('back link');
    expect(reasonOf('By Jane Doe')).toBe('byline');
    expect(reasonOf('Published on')).toBe('dateline');
  });

  it('records where each removed block stood, so restoring it rebuilds the original order', () => {
    const lines = [
      'Menu',
      P[0]!,
      'The east quay silo at dusk. Photo: Sam Reid / Reuters',
      P[1]!,
      P[2]!,
      'Advertisement',
      P[3]!,
      '© 2018 The Harbour Gazette',
    ];
    const r = classify(lines);
    const rebuilt: string[] = [];
    for (let i = 0; i <= r.paragraphs.length; i++) {
      rebuilt.push(...r.removed.filter((x) => x.beforeParagraph === i).map((x) => x.text));
      if (i < r.paragraphs.length) rebuilt.push(r.paragraphs[i]!);
    }
    expect(rebuilt).toEqual(lines);
  });

  it('keeps short paragraphs and subheadings inside the article', () => {
    const r = classify([P[0]!, 'No comment.', P[1]!, 'What happens next', P[2]!, P[3]!]);
    expect(r.paragraphs).toContain('No comment.');
    expect(r.paragraphs).toContain('What happens next');
  });

  it('drops link-dense blocks', () => {
    const r = classifyBlocks(
      [
        { text: P[0]! },
        { text: 'Council budget 2019 explained in five charts and a map', linkChars: 54, kind: 'list-item' },
        { text: P[1]! },
        { text: P[2]! },
      ],
      { lang: 'en' },
    );
    expect(r.paragraphs).toEqual([P[0], P[1], P[2]]);
    expect(r.removed[0]!.reason).toBe('link list');
  });

  it('keeps article sentences that merely mention cookies, newsletters, notifications, tickets, copyright or comments', () => {
    const mentions = [
      'The new EU rules require every website to ask visitors before storing cookies, and regulators say many still do not.',
      'The company said 40,000 people subscribe to its weekly newsletter, twice as many as last year.',
      'The app sends push notifications to drivers when a ferry is cancelled.',
      'Tickets for the final sold out within an hour in 2018, the club said.',
      'The copyright dispute between the two publishers is due in court in March.',
      'Comments from the minister were later withdrawn.',
    ];
    const r = classify([P[0]!, ...mentions, P[1]!]);
    expect(r.paragraphs).toEqual([P[0], ...mentions, P[1]]);
  });
});
