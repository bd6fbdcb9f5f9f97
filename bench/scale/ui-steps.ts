/**
 * The scale table's UI rows: the built renderer served by `npm run dev:web
 * -- --built` on a generated notebook, driven in Debian Chromium
 * (playwright-core). Only what a person sees and what the page fetches is
 * measured: the sources listbox painted, the page's DOM size, scroll frames,
 * the bytes and long tasks after one edit made by another client over the
 * bridge, and a source opened by a click.
 */
import type { Page, Request } from 'playwright-core';
import { fromWire, toWire } from '../../shared/wire';
import { startDevWeb } from '../../tests/helpers/dev-web-server';
import { launch } from '../paint/harness';

export interface UiFigures {
  /** Navigation → the first source row painted. */
  listPaintedMs: number;
  /** Navigation → the page's load event (the floor: the app without its data). */
  pageLoadMs: number;
  domElements: number;
  /** Elements outside the sources list (the floor: the rest of the window). */
  domOutsideList: number;
  scrollFrameMedianMs: number;
  idleFrameMedianMs: number;
  /** After a claim's status is changed, and after a source's outlet is changed. */
  afterClaimEdit: EditFigures;
  afterSourceEdit: EditFigures;
  idleLongTaskMs: number;
  openByClickMs: number;
  /** getSource over HTTP from outside the page (the floor of a click). */
  getSourceHttpMs: number;
}

/** A call over the bridge, as another client (the CLI, a second window) would make it. */
export async function bridgeCall<T>(url: string, method: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${method}`, url), {
    method: 'POST',
    headers: { Origin: new URL(url).origin, 'Content-Type': 'application/json' },
    body: toWire(input),
  });
  const result = fromWire(await res.text()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * In-page helpers, plain JavaScript (a string, so no transpiler helper leaks into the page): long tasks
 * recorded from the start, the sources list's scrolling element, frame intervals while scrolling it.
 */
const IN_PAGE = `
(() => {
  // Count the change events the page receives (the bridge's Server-Sent Events).
  let events = 0;
  const NativeEventSource = window.EventSource;
  window.EventSource = class extends NativeEventSource {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => events++);
    }
  };
  const tasks = [];
  new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  const list = () => document.querySelector('[role="listbox"][aria-label="Sources"]');
  const scroller = () => {
    let s = list();
    while (s && !(s.scrollHeight > s.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(s).overflowY))) s = s.parentElement;
    return s;
  };
  window.__scale = {
    events() {
      return events;
    },
    longTasks(since) {
      const own = tasks.filter((e) => e.startTime >= since);
      return { total: own.reduce((n, e) => n + e.duration, 0), longest: Math.max(0, ...own.map((e) => e.duration)) };
    },
    frames(n, px) {
      const s = scroller();
      return new Promise((resolve) => {
        const out = [];
        let last = 0;
        const tick = (t) => {
          if (last) out.push(t - last);
          last = t;
          if (out.length >= n) return resolve(out);
          if (px && s) s.scrollTop += px;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    toTop() {
      const s = scroller();
      if (s) s.scrollTop = 0;
    },
    dom() {
      const l = list();
      const all = document.getElementsByTagName('*').length;
      return { all, outside: all - (l ? l.getElementsByTagName('*').length + 1 : 0) };
    },
    painted() {
      return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))));
    },
  };
})();
`;

type InPage = {
  events(): number;
  longTasks(since: number): { total: number; longest: number };
  frames(n: number, px: number): number[];
  toTop(): void;
  dom(): { all: number; outside: number };
  painted(): number;
};
function inPage<K extends keyof InPage>(page: Page, key: K, ...args: unknown[]): Promise<ReturnType<InPage[K]>> {
  return page.evaluate(`window.__scale[${JSON.stringify(key)}](...${JSON.stringify(args)})`) as Promise<
    ReturnType<InPage[K]>
  >;
}

export interface EditFigures {
  /** Bytes of the API responses the page fetched (headers and bodies), and how many. */
  bytes: number;
  requests: number;
  /** Long tasks the page ran: their total and the longest. */
  longTaskMs: number;
  longestTaskMs: number;
  /** The edit's own answer (the changed record): what the page needs at the least. */
  floorBytes: number;
  /** The page received the change event within a minute, and showed the change where that is checked. */
  shown: boolean;
}

/**
 * One edit made by `edit` (another client over the bridge), then what the page fetches from the API and the
 * long tasks it runs until its API requests have been quiet for a second (and at least 3 s have passed).
 */
async function afterEdit(
  page: Page,
  edit: () => Promise<unknown>,
  shown: () => Promise<boolean> = async () => true,
): Promise<EditFigures> {
  const isApi = (url: string) => {
    const p = new URL(url).pathname;
    return p.startsWith('/api/') && p !== '/api/events';
  };
  const sizes: Array<Promise<number>> = [];
  const inFlight = new Set<unknown>();
  let lastActivity = Date.now();
  const onRequest = (req: Request) => {
    if (!isApi(req.url())) return;
    inFlight.add(req);
    lastActivity = Date.now();
  };
  const onFinished = (req: Request) => {
    if (!inFlight.delete(req)) return;
    lastActivity = Date.now();
    sizes.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  };
  const onFailed = (req: Request) => void inFlight.delete(req);
  page.on('request', onRequest);
  page.on('requestfinished', onFinished);
  page.on('requestfailed', onFailed);
  const t0 = (await page.evaluate('performance.now()')) as number;
  const eventsBefore = await inPage(page, 'events');
  const editedAt = Date.now();
  try {
    const answer = await edit();
    // Until the page has received the change event, its API requests have been quiet for a second, and at
    // least 3 s have passed; then two frames, so a long task that just ended is reported.
    let received = false;
    while (!received || Date.now() - editedAt < 3000 || inFlight.size > 0 || Date.now() - lastActivity < 1000) {
      if (Date.now() - editedAt > 60_000) break;
      await page.waitForTimeout(100);
      received ||= (await inPage(page, 'events')) > eventsBefore;
    }
    await inPage(page, 'painted');
    await page.waitForTimeout(200);
    const tasks = await inPage(page, 'longTasks', t0);
    const seen = received && (await shown());
    return {
      shown: seen,
      bytes: (await Promise.all(sizes)).reduce((a, b) => a + b, 0),
      requests: sizes.length,
      longTaskMs: tasks.total,
      longestTaskMs: tasks.longest,
      floorBytes: toWire(answer).length,
    };
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onFinished);
    page.off('requestfailed', onFailed);
  }
}

export async function measureUi(notebookDir: string): Promise<UiFigures> {
  // A large notebook takes a while to open.
  const server = await startDevWeb(notebookDir, 'built', 180_000);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(180_000);
    await page.addInitScript(IN_PAGE);
    const listbox = page.getByRole('listbox', { name: 'Sources' });
    await page.goto(server.url, { waitUntil: 'commit' });
    await listbox.getByRole('option').first().waitFor({ state: 'visible' });
    const painted = await inPage(page, 'painted');
    const pageLoadMs = (await page.evaluate(
      '(performance.getEntriesByType("navigation")[0] || { loadEventEnd: NaN }).loadEventEnd',
    )) as number;
    const dom = await inPage(page, 'dom');
    // Let the opening work settle before the frame and edit figures.
    await page.waitForTimeout(1500);
    const idleFrames = await inPage(page, 'frames', 30, 0);
    const scrollFrames = await inPage(page, 'frames', 60, 240);

    // Open a source by clicking its row (the fifth visible one); the floor: getSource over HTTP.
    await inPage(page, 'toTop');
    await page.waitForTimeout(300);
    // The row is found again by its source id when clicked: a virtualised list reuses its row elements,
    // so "the fifth option" may show another source by then.
    const id = await listbox.getByRole('option').nth(4).getAttribute('data-source-id');
    if (!id) throw new Error('a source row carries no data-source-id');
    const row = listbox.locator(`[role="option"][data-source-id="${id}"]`);
    // The floor first, while the server is idle: the same source over HTTP.
    const g = performance.now();
    const opened = await bridgeCall<{ annotations: Array<{ id: string }> }>(server.url, 'getSource', { id });
    const getSourceHttpMs = performance.now() - g;
    const t = Date.now();
    await row.click();
    await page.locator(`article.reader .reader-text[data-source-id="${id}"]`).waitFor({ state: 'visible' });
    const openByClickMs = Date.now() - t;

    // Edits of the open source by another client (the CLI, a second window): its claim, then its outlet.
    await page.waitForTimeout(1000);
    const annotationId = opened.annotations[0]?.id;
    if (!annotationId) throw new Error(`source ${id} has no annotation to edit`);
    const idleT0 = (await page.evaluate('performance.now()')) as number;
    await page.waitForTimeout(2000);
    const idleTasks = await inPage(page, 'longTasks', idleT0);
    const claimEdit = await afterEdit(page, () =>
      bridgeCall<unknown>(server.url, 'updateAnnotation', {
        sourceId: id,
        id: annotationId,
        patch: { status: 'corroborated' },
      }),
    );
    const outlet = `The Coastal Ledger (edited ${Date.now()})`;
    const sourceEdit = await afterEdit(
      page,
      () => bridgeCall<unknown>(server.url, 'updateSourceMeta', { id, patch: { outlet } }),
      () =>
        page
          .getByText(outlet)
          .first()
          .waitFor({ state: 'visible', timeout: 10_000 })
          .then(
            () => true,
            () => false,
          ),
    );

    return {
      listPaintedMs: painted,
      pageLoadMs,
      domElements: dom.all,
      domOutsideList: dom.outside,
      scrollFrameMedianMs: median(scrollFrames),
      idleFrameMedianMs: median(idleFrames),
      afterClaimEdit: claimEdit,
      afterSourceEdit: sourceEdit,
      idleLongTaskMs: idleTasks.total,
      openByClickMs,
      getSourceHttpMs,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
