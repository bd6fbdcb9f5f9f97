// @vitest-environment jsdom
/**
 * Arrow keys in the short lists that are not virtual (the briefs list, the
 * draft picker): ↓/↑/Home/End move the focus between the items, disabled
 * items are passed over, and only a list with a filter field goes from the
 * field into the list and back.
 */
import type { KeyboardEvent } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { moveFocusInList } from '../../../renderer/src/ui/list-keys';

afterEach(() => {
  document.body.innerHTML = '';
});

function setup() {
  document.body.innerHTML = `<div id="box"><input id="field"><ul>
    <li><button class="item" id="a">A</button><button id="a-rename">Rename</button></li>
    <li><button class="item" id="b" disabled>B</button></li>
    <li><button class="item" id="c">C</button></li>
    <li><button class="item" id="d">D</button></li></ul></div>`;
  return (id: string) => document.getElementById(id)!;
}

/** Presses `key` on the focused element, as React hands it to the box's onKeyDown; true when it was taken. */
function press(key: string, fromField = false, mods: { shiftKey?: boolean } = {}): boolean {
  let prevented = false;
  const event = {
    key,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: Boolean(mods.shiftKey),
    defaultPrevented: false,
    currentTarget: document.getElementById('box')!,
    target: document.activeElement,
    preventDefault: () => (prevented = true),
  } as unknown as KeyboardEvent<HTMLElement>;
  moveFocusInList(event, '.item', fromField);
  return prevented;
}

describe('moveFocusInList', () => {
  it('moves between the enabled items with ↓ ↑ Home End and stops at the ends', () => {
    const el = setup();
    el('a').focus();
    expect(press('ArrowDown')).toBe(true);
    expect(document.activeElement).toBe(el('c'));
    press('End');
    expect(document.activeElement).toBe(el('d'));
    press('ArrowDown');
    expect(document.activeElement).toBe(el('d'));
    press('Home');
    expect(document.activeElement).toBe(el('a'));
    expect(press('ArrowUp')).toBe(true);
    expect(document.activeElement).toBe(el('a'));
  });

  it('leaves other keys, Shift+arrows and elements outside the items alone', () => {
    const el = setup();
    el('c').focus();
    expect(press('Enter')).toBe(false);
    expect(press('ArrowDown', false, { shiftKey: true })).toBe(false);
    el('a-rename').focus();
    expect(press('ArrowDown')).toBe(false);
    el('field').focus();
    expect(press('ArrowDown')).toBe(false);
    expect(document.activeElement).toBe(el('field'));
  });

  it('with a filter field: ↓ goes into the list, ↑ on the first item back to the field', () => {
    const el = setup();
    el('field').focus();
    expect(press('ArrowDown', true)).toBe(true);
    expect(document.activeElement).toBe(el('a'));
    press('ArrowUp', true);
    expect(document.activeElement).toBe(el('field'));
  });
});
