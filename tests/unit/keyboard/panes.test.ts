// @vitest-environment jsdom
/**
 * F6 / Shift+F6 between panes (renderer/src/ui/panes.ts) in jsdom: the order
 * is the page's, hidden panes are skipped, a pane never visited gets its main
 * control (the reader's text, a listbox) or its first control, a pane visited
 * before gets back the element that had the focus there, and a modal dialog
 * keeps the focus. The View menu carries the two commands with F6 / Shift+F6.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { cyclePane } from '../../../renderer/src/ui/panes';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu';

beforeAll(() => {
  // jsdom lays nothing out: an element is "visible" unless it (or an ancestor) is display: none.
  Element.prototype.getClientRects = function getClientRects(this: Element) {
    const hidden = this.closest('[style*="display: none"]');
    return (hidden ? [] : [{}]) as unknown as DOMRectList;
  };
});
afterEach(() => {
  document.body.innerHTML = '';
});

function layout() {
  document.body.innerHTML = `
    <header class="toolbar"><button id="tab">Sources</button><button id="import">Import</button></header>
    <main class="panes">
      <aside class="pane pane-sources"><input id="filter"><ul id="list" role="listbox" tabindex="0"></ul></aside>
      <section class="pane pane-reader"><button id="colour">Tag</button><div id="text" class="reader-text" tabindex="0"></div></section>
      <aside class="pane pane-inspector"><p>No source</p></aside>
      <aside class="claims-panel" style="display: none"><button id="hidden">Cite</button></aside>
    </main>`;
  return (id: string) => document.getElementById(id)!;
}

describe('cyclePane', () => {
  it('goes through the visible panes in order, to each main control, and wraps around', () => {
    const el = layout();
    const memory = new WeakMap<Element, Element>();
    el('import').focus();
    expect(cyclePane(1, memory)).toBe(el('list'));
    expect(cyclePane(1, memory)).toBe(el('text'));
    // The inspector has no control: the pane itself takes the focus.
    const inspector = document.querySelector<HTMLElement>('.pane-inspector')!;
    expect(cyclePane(1, memory)).toBe(inspector);
    expect(document.activeElement).toBe(inspector);
    // The hidden claims panel is skipped: back to the toolbar's first control.
    expect(cyclePane(1, memory)).toBe(el('tab'));
    expect(cyclePane(-1, memory)).toBe(inspector);
    expect(cyclePane(-1, memory)).toBe(el('text'));
  });

  it('returns to the element that last had the focus in a pane', () => {
    const el = layout();
    const memory = new WeakMap<Element, Element>();
    memory.set(document.querySelector('.pane-sources')!, el('filter'));
    el('text').focus();
    expect(cyclePane(-1, memory)).toBe(el('filter'));
    // A remembered element that left the page does not count.
    el('filter').remove();
    el('text').focus();
    expect(cyclePane(-1, memory)).toBe(el('list'));
  });

  it('starts at the first pane when the focus is in none, and leaves a modal dialog alone', () => {
    const el = layout();
    const memory = new WeakMap<Element, Element>();
    (document.activeElement as HTMLElement | null)?.blur();
    expect(cyclePane(1, memory)).toBe(el('tab'));
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    expect(cyclePane(1, memory)).toBeNull();
    expect(document.activeElement).toBe(el('tab'));
  });
});

describe('View menu', () => {
  it('has Next Pane (F6) and Previous Pane (Shift+F6), sent to the renderer', () => {
    const calls: string[] = [];
    const noop = () => undefined;
    const actions: MenuActions = {
      newNotebook: noop,
      openNotebook: noop,
      openRecent: noop,
      clearRecent: noop,
      importFiles: noop,
      importFolder: noop,
      exportInterop: noop,
      print: noop,
      sendToRenderer: (command) => calls.push(command),
      about: noop,
      openReadme: noop,
      showLogs: noop,
    };
    const menu = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Dossier', recent: [], actions });
    const view = (menu.find((m) => m.label === 'View')?.submenu ?? []) as MenuItemConstructorOptions[];
    const next = view.find((i) => i.id === 'next-pane');
    const previous = view.find((i) => i.id === 'previous-pane');
    expect(next?.accelerator).toBe('F6');
    expect(previous?.accelerator).toBe('Shift+F6');
    (next?.click as unknown as () => void)();
    (previous?.click as unknown as () => void)();
    expect(calls).toEqual(['next-pane', 'previous-pane']);
  });
});
