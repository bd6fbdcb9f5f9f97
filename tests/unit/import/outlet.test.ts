/**
 * The outlet of an imported article, from every signal a page or a copied
 * text offers (metadata, © line, masthead, page title, domain, byline, wire
 * credit), normalised to a display name; when signals disagree the strongest
 * wins: metadata > © line / masthead > domain > byline > wire credit.
 * The outlets, people and places are invented.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../main/services/import/extract';
import { splitParagraphs } from '../../../shared/text';
import {
  chooseOutlet,
  normaliseOutlet,
  outletFromByline,
  outletFromDomain,
  wireCredit,
} from '../../../main/services/import/extract/outlet';

const BODY = [
  'The county council voted on Tuesday to close two of its five recycling centres next spring, saying that the sites at Harnby and Lowe Cross cost far more to run per visitor than the others.',
  'Residents who use the two sites will have to drive up to twenty minutes further, and the council expects more fly-tipping on rural roads as a result, according to its own assessment.',
  'Councillors from the opposition said the saving of £600,000 a year was small compared with the cost of clearing illegal dumps, and asked for the decision to be reviewed in a year.',
].join('\n\n');
const HEADLINE = 'County to close two recycling centres next spring';

const txt = (text: string, url?: string) =>
  extractDocument({ name: 'copy.txt', bytes: new TextEncoder().encode(text), ...(url ? { url } : {}) });

function page(opts: { siteName?: string; copyright?: string; byline?: string; url?: string; title?: string }) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${opts.title ?? HEADLINE}</title>
${opts.siteName ? `<meta property="og:site_name" content="${opts.siteName}">` : ''}
${opts.url ? `<link rel="canonical" href="${opts.url}">` : ''}
</head><body><article><h1>${HEADLINE}</h1>
${opts.byline ? `<p>${opts.byline}</p>` : ''}
${BODY.split('\n\n')
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
</article>${opts.copyright ? `<footer><p>${opts.copyright}</p></footer>` : ''}</body></html>`;
  return extractDocument({ name: 'page.html', bytes: new TextEncoder().encode(html) });
}

describe('outlet signals, strongest first', () => {
  it('metadata beats a © line, a © line beats the domain, the domain beats a byline', async () => {
    const all = {
      siteName: 'The Harnby Gazette',
      copyright: '© 2025 Lowe Valley Media',
      url: 'https://www.countywatch.example/news/recycling',
      byline: 'By Ann Cole — The Weekly Ledger',
    };
    expect((await page(all)).outlet).toBe('The Harnby Gazette');
    expect((await page({ ...all, siteName: undefined })).outlet).toBe('Lowe Valley Media');
    expect((await page({ ...all, siteName: undefined, copyright: undefined })).outlet).toBe('Countywatch');
    expect((await page({ byline: all.byline })).outlet).toBe('The Weekly Ledger');
    expect((await page({})).outlet).toBeUndefined();
  });

  it('reads the outlet from a page title "Headline | Site" when no metadata names it', async () => {
    expect((await page({ title: `${HEADLINE} | The Harnby Gazette` })).outlet).toBe('The Harnby Gazette');
  });

  it('a copied text: masthead among the menu lines, © line, byline "— Outlet", wire credit', async () => {
    const masthead = `Skip to content\nThe Harnby Gazette\nNews\nSport\nOpinion\n\n${HEADLINE}\n\nBy Ann Cole\n\n${BODY}\n\nMore from The Harnby Gazette`;
    expect((await txt(masthead)).outlet).toBe('The Harnby Gazette');
    const menuLine = `The Harnby Gazette | News | Sport | Opinion\n\n${HEADLINE}\n\n${BODY}\n\nThe Harnby Gazette newsletter: sign up for free`;
    expect((await txt(menuLine)).outlet).toBe('The Harnby Gazette');
    expect(
      (await txt(`${HEADLINE}\n\n${BODY}\n\nCopyright © 2025 Harnby Gazette Ltd. All rights reserved.`)).outlet,
    ).toBe('Harnby Gazette');
    expect((await txt(`${HEADLINE}\n\nBy Ann Cole — The Weekly Ledger\n\n${BODY}`)).outlet).toBe('The Weekly Ledger');
    expect((await txt(`${HEADLINE}\n\nHARNBY, May 2 (Reuters) - ${BODY}`)).outlet).toBe('Reuters');
    expect((await txt(`${HEADLINE}\n\n${BODY}`)).outlet).toBeUndefined();
    expect((await txt(`${HEADLINE}\n\n${BODY}\n\n© Copyright 2025 Harnby Gazette. All rights reserved.`)).outlet).toBe(
      'Harnby Gazette',
    );
    expect((await txt(`${HEADLINE}\n\n${BODY}\n\nHarnby Gazette Ltd, registered in England. © 2025`)).outlet).toBe(
      'Harnby Gazette',
    );
  });

  it('a masthead among account links, confirmed by an ownership line without a dash', async () => {
    const text = `Skip to content\nThe Harnby Gazette\nSign in\nSubscribe\n\n${HEADLINE}\n\n${BODY}\n\nThe Harnby Gazette is part of Lowe Valley Media Group.`;
    const doc = await txt(text);
    expect(doc.outlet).toBe('The Harnby Gazette');
    expect(doc.removed.find((r) => r.text.startsWith('The Harnby Gazette is part of'))?.reason).toBe('imprint');
    // An article sentence with "is part of" stays article text.
    const sentence = 'The new centre at Harnby is part of a plan to cut landfill by a third.';
    expect(splitParagraphs((await txt(`${HEADLINE}\n\n${BODY}\n\n${sentence}`)).text)).toContain(sentence);
  });

  it('a saved page: the site name standing above its menu, outside the article', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Harnby Gazette</title></head><body>
      <div>The Harnby Gazette</div><div><a href="/">Home</a> · <a href="/news">News</a> · <a href="/sport">Sport</a></div>
      <article><h1>${HEADLINE}</h1>${BODY.split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article>
      <p>The Harnby Gazette newsletter: sign up for free.</p></body></html>`;
    const doc = await extractDocument({ name: 'page.html', bytes: new TextEncoder().encode(html) });
    expect(doc.outlet).toBe('The Harnby Gazette');
    expect(doc.title).toBe(HEADLINE);
  });

  it('a © line beats a wire credit, and the URL given with a copied text names the outlet', async () => {
    expect((await txt(`${HEADLINE}\n\nHARNBY (AP) — ${BODY}\n\n© 2025 The Harnby Gazette`)).outlet).toBe(
      'The Harnby Gazette',
    );
    expect((await txt(`${HEADLINE}\n\n${BODY}`, 'https://harnby-gazette.example/a/1')).outlet).toBe('Harnby Gazette');
  });

  it('a masthead line that nothing else confirms is weaker than the domain', async () => {
    const text = `Harnby Today\nNews\nSport\n\n${HEADLINE}\n\n${BODY}`;
    expect((await txt(text)).outlet).toBe('Harnby Today');
    expect((await txt(text, 'https://www.countywatch.example/x')).outlet).toBe('Countywatch');
  });
});

describe('normalising to a display name', () => {
  it.each([
    ['https://www.kerrbacher-tagblatt.example/region/x', [], 'Kerrbacher Tagblatt'],
    ['https://ardleycourier.co.uk/news/1', ['The Ardley Courier'], 'The Ardley Courier'],
    ['https://m.kustbladet.se/lokalt/1', [], 'Kustbladet'],
    ['https://www.bbc.co.uk/news/x', [], 'BBC'],
    ['https://www.dn.se/sverige/x', [], 'Dagens Nyheter'],
    ['not a url', [], undefined],
  ])('%s → %s', (url, names, want) => {
    expect(outletFromDomain(url, names)).toBe(want);
  });

  it('drops company suffixes and names agencies by their display name', () => {
    expect(normaliseOutlet(' Island Voice Media Ltd ')).toBe('Island Voice Media');
    expect(normaliseOutlet('TT')).toBe('TT Nyhetsbyrån');
    expect(normaliseOutlet('Associated Press')).toBe('The Associated Press');
  });

  it('reads the agency of a wire story opening, not of any parenthesis', () => {
    expect(wireCredit('KALMIRA, Oct 16 (Reuters) - Grain shipments resumed.')).toBe('Reuters');
    expect(wireCredit('VESNA (AP) — Negotiators will meet again.')).toBe('The Associated Press');
    expect(wireCredit('STOCKHOLM (TT) Polisen larmades.')).toBe('TT Nyhetsbyrån');
    expect(wireCredit('The minister said (AFP) that talks would go on.')).toBeUndefined();
  });

  it('takes the outlet of a byline after a dash, after a comma only when it reads as an outlet name', () => {
    expect(outletFromByline('By Priya Nair — The Westmoor Herald')).toBe('The Westmoor Herald');
    expect(outletFromByline('— The Westmoor Herald')).toBe('The Westmoor Herald');
    expect(outletFromByline('Av Oskar Nyberg, Kustbladet')).toBe('Kustbladet');
    expect(outletFromByline('By Anna Berg, London')).toBeUndefined();
    expect(outletFromByline('By Anna Berg')).toBeUndefined();
  });

  it('among equals, the shorter form of the same name is the display name', () => {
    const s = chooseOutlet([
      { name: 'Rheintal-Echo Verlag', strength: 4, via: 'copyright' },
      { name: 'Rheintal-Echo', strength: 4, via: 'masthead' },
    ]);
    expect(s?.name).toBe('Rheintal-Echo');
  });

  it('chooses the strongest signal, the first found among equals', () => {
    const s = chooseOutlet([
      { name: 'A', strength: 1, via: 'wire' },
      { name: 'B', strength: 4, via: 'copyright' },
      { name: 'C', strength: 4, via: 'masthead' },
      { name: 'D', strength: 3, via: 'domain' },
    ]);
    expect(s?.name).toBe('B');
  });
});
