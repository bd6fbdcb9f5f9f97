/**
 * Four fictional news pages about an invented offshore wind farm ("Skärvik"),
 * written for these tests — English, Swedish, German and an English policy
 * newsletter — with the navigation, ads and footers real pages carry. Every
 * person, outlet, place and figure is made up. Shared by the briefs API/CLI
 * tests and the briefs end-to-end spec.
 */

export interface ArticleFixture {
  name: string;
  html: string;
  title: string;
  outlet: string;
  /** Passages to mark as claims, with how the minister is linked. */
  claims: Array<{
    quote: string;
    role: 'speaker' | 'subject' | 'mentioned';
    stance?: 'supports' | 'opposes' | 'neutral';
    tag: string;
  }>;
}

export const MINISTER = 'Tomas Ekwall';

function page(opts: {
  lang: string;
  title: string;
  outlet: string;
  author?: string;
  date: string;
  url: string;
  nav: string[];
  body: string[];
  footer: string;
}): string {
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
  <meta charset="utf-8">
  <title>${opts.title} | ${opts.outlet}</title>
  <meta property="og:site_name" content="${opts.outlet}">
  ${opts.author ? `<meta name="author" content="${opts.author}">` : ''}
  <meta property="article:published_time" content="${opts.date}">
  <link rel="canonical" href="${opts.url}">
</head>
<body>
  <header class="site-header"><nav><ul>${opts.nav.map((n) => `<li><a href="/${n.toLowerCase()}">${n}</a></li>`).join('')}</ul></nav>
  <div class="ad-banner">Advertisement</div></header>
  <main><article>
    <h1>${opts.title}</h1>
    ${opts.body.map((p) => `<p>${p}</p>`).join('\n    ')}
  </article></main>
  <footer class="site-footer"><p>${opts.footer}</p></footer>
</body>
</html>`;
}

export const ARTICLES: ArticleFixture[] = [
  {
    name: 'coastal-herald-skarvik.html',
    title: 'Energy minister backs Skärvik wind farm as fishermen object',
    outlet: 'The Coastal Herald',
    html: page({
      lang: 'en',
      title: 'Energy minister backs Skärvik wind farm as fishermen object',
      outlet: 'The Coastal Herald',
      author: 'Priya Lindqvist',
      date: '2026-02-03T09:15:00+01:00',
      url: 'https://coastalherald.example/news/2026/02/skarvik-wind',
      nav: ['News', 'Business', 'Sport', 'Opinion', 'Subscribe'],
      body: [
        'Energy minister Tomas Ekwall on Monday gave his full support to the planned Skärvik offshore wind farm, despite objections from local fishing crews who fear the turbines will close their best grounds.',
        '“The Skärvik wind farm will power 300,000 homes by 2028,” Ekwall told reporters at the harbour, adding that construction would start before the summer.',
        'The fishing cooperative said it had not been consulted on the cable route and would appeal the permit.',
        'The developer, Vindhav Energy, declined to comment on the cost of the project.',
      ],
      footer: '© 2026 The Coastal Herald. All rights reserved. Cookie settings · Privacy',
    }),
    claims: [
      {
        quote: 'The Skärvik wind farm will power 300,000 homes by 2028,',
        role: 'speaker',
        stance: 'supports',
        tag: 'Energy',
      },
    ],
  },
  {
    name: 'norrlandsbladet-vindkraft.html',
    title: 'Ekwall: ”Vindkraften i Skärvik sänker elpriset”',
    outlet: 'Norrlandsbladet',
    html: page({
      lang: 'sv',
      title: 'Ekwall: ”Vindkraften i Skärvik sänker elpriset”',
      outlet: 'Norrlandsbladet',
      author: 'Åsa Öberg',
      date: '2026-02-05T07:30:00+01:00',
      url: 'https://norrlandsbladet.example/nyheter/vindkraft-skarvik',
      nav: ['Nyheter', 'Ekonomi', 'Sport', 'Kultur', 'Logga in'],
      body: [
        'Energiminister Tomas Ekwall besökte på onsdagen hamnen i Skärvik, där bygget av den nya havsbaserade vindkraftsparken ska börja i vår.',
        '– Vi bygger ut vindkraften i Skärvik för att sänka elpriserna för hushållen i hela länet, säger Ekwall till Norrlandsbladet.',
        'Fiskarna i området är kritiska och kräver att kabeldragningen prövas på nytt.',
        'Kommunen väntas fatta beslut om bygglovet i mars.',
      ],
      footer: 'Norrlandsbladet · Ansvarig utgivare: Karl Nyström · Kontakta redaktionen',
    }),
    claims: [
      {
        quote: 'Vi bygger ut vindkraften i Skärvik för att sänka elpriserna för hushållen i hela länet',
        role: 'speaker',
        stance: 'supports',
        tag: 'Energy',
      },
    ],
  },
  {
    name: 'nordsee-kurier-windpark.html',
    title: 'Windpark Skärvik: Fischer werfen Minister Eile vor',
    outlet: 'Nordsee-Kurier',
    html: page({
      lang: 'de',
      title: 'Windpark Skärvik: Fischer werfen Minister Eile vor',
      outlet: 'Nordsee-Kurier',
      author: 'Jürgen Böhm',
      date: '2026-02-09T11:00:00+01:00',
      url: 'https://nordsee-kurier.example/wirtschaft/windpark-skaervik',
      nav: ['Startseite', 'Wirtschaft', 'Sport', 'Kultur', 'Abo'],
      body: [
        'Im schwedischen Skärvik wächst der Widerstand gegen den geplanten Offshore-Windpark.',
        'Die Genehmigung für Skärvik wurde viel zu schnell erteilt, der Minister hat die Fischer nie angehört, sagt Verbandssprecherin Grete Müller.',
        'Das Ministerium weist die Vorwürfe zurück und verweist auf eine Anhörung im Herbst.',
      ],
      footer: '© 2026 Nordsee-Kurier · Impressum · Datenschutz',
    }),
    claims: [
      {
        quote: 'Die Genehmigung für Skärvik wurde viel zu schnell erteilt, der Minister hat die Fischer nie angehört',
        role: 'subject',
        stance: 'opposes',
        tag: 'Fisheries',
      },
    ],
  },
  {
    name: 'energy-policy-review.html',
    title: 'Grid data puts Skärvik output well below the minister’s figure',
    outlet: 'Energy Policy Review',
    html: page({
      lang: 'en',
      title: 'Grid data puts Skärvik output well below the minister’s figure',
      outlet: 'Energy Policy Review',
      date: '2026-02-16T08:00:00+00:00',
      url: 'https://energypolicyreview.example/analysis/skarvik-output',
      nav: ['Analysis', 'Data', 'Events', 'Newsletter'],
      body: [
        'New modelling by the national grid operator casts doubt on the headline figure used to sell the Skärvik project.',
        'Grid operator figures suggest the wind farm will supply closer to 180,000 homes once curtailment is taken into account.',
        'The ministry said the figures were preliminary.',
      ],
      footer: 'Energy Policy Review is an independent newsletter. Unsubscribe · Manage preferences',
    }),
    claims: [
      {
        quote: 'Grid operator figures suggest the wind farm will supply closer to 180,000 homes',
        role: 'subject',
        stance: 'neutral',
        tag: 'Energy',
      },
    ],
  },
];
