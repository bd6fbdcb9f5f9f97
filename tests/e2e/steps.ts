/**
 * Steps and locators the end-to-end specs share: paste an article, select a
 * phrase in the reader (programmatically or with the mouse), the annotation
 * popover and editor, the typed API over the bridge, and a brief's export.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { RENDERER_METHODS } from '../../shared/api-methods';
import { fromWire, toWire } from '../../shared/wire';
import { expect, type AppServer } from './app-fixture';

export const reader = (page: Page) => page.locator('article.reader');
/** The toolbar that appears by a selection in the reader (Claim / Highlight / Note). */
export const popover = (page: Page) => page.getByRole('toolbar', { name: 'Annotate the selection' });
/** The inspector's editor of the selected annotation. */
export const annotationEditor = (page: Page) => page.getByRole('group', { name: 'Selected annotation' });

/** Pastes plain text outside any text field, which imports it as a source. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((plain) => {
    const data = new DataTransfer();
    data.setData('text/plain', plain);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Selects `from` … `to` (inclusive of `to`) in the reader's text, programmatically; the phrases may be in different paragraphs. */
export async function selectText(page: Page, from: string, to: string = from): Promise<void> {
  await page.evaluate(
    ([a, b]) => {
      const paras = [...document.querySelectorAll<HTMLElement>('.reader-text p.para')];
      const find = (s: string) => {
        for (const p of paras) {
          const node = p.firstChild as Text;
          const i = node.data.indexOf(s);
          if (i >= 0) return { node, i };
        }
        throw new Error(`not in the reader: ${s}`);
      };
      const start = find(a!);
      const end = find(b!);
      const range = document.createRange();
      range.setStart(start.node, start.i);
      range.setEnd(end.node, end.i + b!.length);
      // A mouse selection takes the focus out of any text field; so does this one.
      (document.activeElement as HTMLElement | null)?.blur();
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    [from, to],
  );
}

/** Where characters `from` … `to` of `phrase` (the first paragraph of the reader holding it) are on screen. */
export async function textRect(
  page: Page,
  phrase: string,
  from = 0,
  to = phrase.length,
): Promise<{ left: number; right: number; top: number; height: number }> {
  return page.evaluate(
    ([s, a, b]) => {
      for (const p of document.querySelectorAll<HTMLElement>('.reader-text p.para')) {
        const node = p.firstChild as Text;
        const i = node.data.indexOf(s);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(node, i + a);
        r.setEnd(node, i + b);
        const { left, right, top, height } = r.getBoundingClientRect();
        return { left, right, top, height };
      }
      throw new Error(`not in the reader: ${s}`);
    },
    [phrase, from, to] as const,
  );
}

/** Clicks the middle of characters `from` … `to` of `phrase` in the reader. */
export async function clickInText(page: Page, phrase: string, from: number, to: number): Promise<void> {
  const r = await textRect(page, phrase, from, to);
  await page.mouse.click((r.left + r.right) / 2, r.top + r.height / 2);
}

/** Drags the mouse over a phrase in the reader, as a person would. */
export async function dragOver(page: Page, phrase: string): Promise<void> {
  // Measure after the reader's web font has loaded: a late font reflows the text under the pointer.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const first = await textRect(page, phrase, 0, 1);
  const last = await textRect(page, phrase, phrase.length - 1);
  const box = {
    x1: first.left + 1,
    y1: first.top + first.height / 2,
    x2: last.right - 1,
    y2: last.top + last.height / 2,
  };
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** With a phrase selected in the reader: the popover's Claim button; the new claim opens in the inspector. */
export async function claimSelection(page: Page, quote: string): Promise<void> {
  await expect(popover(page)).toBeVisible();
  await popover(page).getByRole('button', { name: /Claim/ }).click();
  await expect(popover(page)).toHaveCount(0);
  await expect(annotationEditor(page).locator('blockquote')).toHaveText(quote);
}

/**
 * In the selected annotation's editor: types `typed` into "Link an actor" and
 * picks the option named `option` (an actor, or "Create actor “…”").
 * Returns the editor's Actors group.
 */
export async function linkActor(page: Page, typed: string, option: string | RegExp) {
  const links = annotationEditor(page).getByRole('group', { name: 'Actors' });
  await links.getByRole('combobox', { name: 'Link an actor' }).fill(typed);
  await links.getByRole('option', { name: option }).click();
  return links;
}

/**
 * Links the selected claim to an actor as speaker with a stance (`linkActor`),
 * and waits until the real services stored it. Returns the Actors group and the new link.
 */
export async function linkSpeaker(
  page: Page,
  app: AppServer,
  typed: string,
  option: string | RegExp,
  actorName: string,
  stance: 'supports' | 'opposes' | 'neutral',
) {
  const links = await linkActor(page, typed, option);
  const link = links.getByRole('listitem', { name: `Link ${actorName} speaker` });
  await expect(link).toBeVisible();
  await link.getByRole('combobox', { name: 'Stance' }).selectOption(stance);
  const sourceId = await page.locator('.reader-text').getAttribute('data-source-id');
  await expect
    .poll(async () => JSON.stringify((await app.readSource(sourceId!)).annotations), { timeout: 10_000 })
    .toContain(`"role":"speaker","stance":"${stance}"`);
  return { links, link, sourceId: sourceId! };
}

/** In the Briefs view: "From actor…", find the actor by `query` and draft a brief from its claims. */
export async function draftBriefFromActor(page: Page, query: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'From actor…' }).click();
  const picker = page.getByRole('dialog', { name: 'New brief from actor' });
  await picker.getByRole('textbox', { name: 'Find actor' }).fill(query);
  await picker.getByRole('button', { name: new RegExp(name) }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue(`Brief: ${name}`);
}

/**
 * Clicks `target` in an editor (on its last line), then presses `key` (End, Control+End) until the
 * caret sits at the end of `target`. Right after a click the editor may still
 * put the caret back where the click was, and a click can select a citation
 * chip instead; a key pressed too early would then be lost.
 */
export async function caretToEnd(page: Page, target: Locator, key: 'End' | 'Control+End'): Promise<void> {
  // Near the bottom right: End moves to the end of a line, so the click must land on the target's last line
  // (a paragraph that wraps would otherwise keep the caret on its first).
  const box = await target.boundingBox();
  await target.click(box ? { position: { x: Math.max(1, box.width - 3), y: Math.max(1, box.height - 4) } } : {});
  await expect(async () => {
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
    const atEnd = await target.evaluate((el) => {
      const sel = window.getSelection();
      if (!sel?.isCollapsed || !sel.focusNode || !el.contains(sel.focusNode)) return false;
      const rest = document.createRange();
      rest.setStart(sel.focusNode, sel.focusOffset);
      rest.setEnd(el, el.childNodes.length);
      return rest.toString() === '';
    });
    expect(atEnd).toBe(true);
  }).toPass({ timeout: 10_000 });
}

/** Calls the typed API over the bridge, from the test (e.g. to seed a notebook); throws on an error result. */
export async function api<T = unknown>(app: AppServer, method: string, input: unknown): Promise<T> {
  const origin = new URL(app.url).origin;
  const res = await fetch(new URL(`/api/${method}`, app.url), {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json' },
    body: toWire(input),
  });
  const result = fromWire(await res.text()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** Clicks the open brief's "Export as <label>" button and saves the download into `dir`. */
export async function downloadExport(page: Page, label: string, dir: string): Promise<{ file: string; name: string }> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: `Export as ${label}` }).click();
  const download = await pending;
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

/** What installBridgeApi puts on `window.__bridge`. */
export interface BridgeInPage {
  /** One function per renderer-facing method over the bridge (a Result back), and `onEvent`. */
  api: Record<string, unknown>;
  post(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  /** Plays an event main would send (a menu command, say) to every subscriber. */
  emit(event: unknown): void;
}

/**
 * Before the app's scripts run: `window.__bridge` (BridgeInPage), from which a spec builds a
 * desktop-shaped `window.dossier` in a later init script. Bytes travel as `{ $bytes: base64 }`.
 */
export async function installBridgeApi(page: Page): Promise<void> {
  await page.addInitScript(
    (methods) => {
      const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
      const post = async (method: string, input: unknown) => {
        const body = JSON.stringify(input ?? {}, (_k, v: unknown) =>
          v instanceof Uint8Array ? { $bytes: toBase64(v) } : v,
        );
        const res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
        });
        return res.json() as Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
      };
      const api: Record<string, unknown> = {};
      for (const method of methods) api[method] = (input: unknown) => post(method, input);
      // One event stream for every subscriber (a browser allows few connections per host).
      const listeners = new Set<(event: unknown) => void>();
      let stream: EventSource | null = null;
      api.onEvent = (listener: (event: unknown) => void) => {
        listeners.add(listener);
        if (!stream) {
          stream = new EventSource('/api/events');
          stream.onmessage = (e: MessageEvent<string>) => {
            for (const l of [...listeners]) l(JSON.parse(e.data));
          };
        }
        return () => listeners.delete(listener);
      };
      const emit = (event: unknown) => {
        for (const l of [...listeners]) l(event);
      };
      (window as unknown as { __bridge: unknown }).__bridge = { api, post, emit };
    },
    [...RENDERER_METHODS],
  );
}
