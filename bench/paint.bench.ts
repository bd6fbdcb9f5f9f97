/**
 * Highlight painting benchmark: in Debian Chromium (playwright-core),
 * a 20,000-word fictional article rendered per the reader convention, then
 * 1,000 highlights painted with renderer/src/reader/paint-highlights.ts (CSS
 * Custom Highlight API), and one more added incrementally. The floor is
 * rendering the article text alone, measured in the same page and run.
 *
 *   npx tsx bench/paint.bench.ts [--screenshot out.png]
 */
import { ms, percentile, printTable } from './lib/report';
import {
  bundlePaintModule,
  chromiumAvailable,
  fictionalArticle,
  launch,
  openReaderPage,
  spreadSpans,
} from './paint/harness';

if (!chromiumAvailable()) {
  console.log('\n## Highlight painting\n\nskipped: /usr/bin/chromium is not installed (apt-get install chromium).');
  process.exit(0);
}

const WORDS = 20_000;
const HIGHLIGHTS = 1_000;
const RUNS = 7;

const text = fictionalArticle(WORDS);
const spans = spreadSpans(text, HIGHLIGHTS);
const bundle = await bundlePaintModule();
const browser = await launch();
try {
  const page = await openReaderPage(browser, bundle);
  type Bench = {
    timeRender(t: string): Promise<number>;
    timeIdleFrame(): Promise<number>;
    timePaint(s: unknown[]): Promise<[number, number]>;
    timeAdd(s: unknown): Promise<[number, number]>;
    verify(t: string, s: unknown[]): { bad: unknown[]; total: number; names: number };
    render(t: string): void;
  };
  const call = <K extends keyof Bench>(k: K, ...args: unknown[]) =>
    page.evaluate(
      ([key, a]) =>
        (globalThis as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[key as string]!(
          ...(a as unknown[]),
        ),
      [k, args] as const,
    ) as Promise<Awaited<ReturnType<Bench[K]>>>;

  const render: number[] = [];
  const idle: number[] = [];
  const paintScript: number[] = [];
  const paintFrame: number[] = [];
  const addScript: number[] = [];
  const addFrame: number[] = [];
  let verified = { bad: [] as unknown[], total: 0, names: 0 };
  for (let r = 0; r < RUNS; r++) {
    render.push(await call('timeRender', text));
    idle.push(await call('timeIdleFrame'));
    const [ps, pf] = await call('timePaint', spans);
    paintScript.push(ps);
    paintFrame.push(pf);
    verified = await call('verify', text, spans);
    for (let k = 0; k < 5; k++) {
      const s = spans[(r * 37 + k * 101) % spans.length]!;
      const [as, af] = await call('timeAdd', { ...s, id: `extra_${r}_${k}`, group: 'tag-b' });
      addScript.push(as);
      addFrame.push(af);
    }
  }
  const screenshot = process.argv.indexOf('--screenshot');
  if (screenshot > 0) await page.screenshot({ path: process.argv[screenshot + 1]! });

  const med = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  const words = text.split(/\s+/).length;
  console.log(
    `\n${words} words (${text.length} chars, ${text.split('\n\n').length} paragraphs), ${HIGHLIGHTS} highlights in 2 colour groups; ` +
      `${RUNS} runs, medians. Painted ranges checked against the text: ${verified.bad.length} mismatches, ${verified.total} ranges in ${verified.names} highlights.`,
  );
  printTable(`Highlight painting in Chromium (${words.toLocaleString('en')} words, ${HIGHLIGHTS} highlights)`, [
    {
      figure: 'render article text alone, to next frame',
      value: ms(med(render)),
      floor: `idle frame ${ms(med(idle))}`,
      target: 'floor',
      ok: true,
    },
    {
      figure: `paint ${HIGHLIGHTS} highlights, to next frame`,
      value: ms(med(paintFrame)),
      floor: `text alone ${ms(med(render))}`,
      target: '≤ 100 ms',
      ok: med(paintFrame) <= 100 && verified.bad.length === 0,
    },
    {
      figure: `paint ${HIGHLIGHTS} highlights, script only`,
      value: ms(med(paintScript)),
      floor: `text alone ${ms(med(render))}`,
      target: 'report',
      ok: true,
    },
    {
      figure: 'add one highlight, to next frame',
      value: ms(med(addFrame)),
      floor: `idle frame ${ms(med(idle))}`,
      target: '≤ 16 ms over idle frame',
      ok: med(addFrame) - med(idle) <= 16,
    },
    {
      figure: 'add one highlight, script only',
      value: ms(med(addScript), 3),
      floor: `idle frame ${ms(med(idle))}`,
      target: '≤ 16 ms',
      ok: med(addScript) <= 16,
    },
  ]);
  if (verified.bad.length) console.log('mismatches:', verified.bad.slice(0, 3));
} finally {
  await browser.close();
}
