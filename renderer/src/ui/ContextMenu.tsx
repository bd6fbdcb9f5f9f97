/**
 * A small context menu at the pointer (or under an element, for the keyboard):
 * a list of actions with their key hints. ↑/↓ move, Enter or a click runs an
 * action, Escape, a click elsewhere or leaving the menu closes it, and the
 * focus returns to where it was.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuAction {
  label: string;
  /** Shown on the right, e.g. "Del". */
  hint?: string;
  danger?: boolean;
  run(): void;
}

export interface MenuAt {
  x: number;
  y: number;
  actions: MenuAction[];
  /** What the menu is about, for screen readers ("Source “…”"). */
  label: string;
}

export function ContextMenu({ menu, onClose }: { menu: MenuAt; onClose(): void }) {
  const ref = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState({ left: menu.x, top: menu.y });
  const returnFocus = useRef<Element | null>(null);

  useLayoutEffect(() => {
    returnFocus.current = document.activeElement;
    const el = ref.current;
    if (!el) return;
    // Keep the menu inside the window.
    const { width, height } = el.getBoundingClientRect();
    setPlace({
      left: Math.max(4, Math.min(menu.x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(menu.y, window.innerHeight - height - 4)),
    });
    el.querySelector<HTMLButtonElement>('button')?.focus();
  }, [menu]);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose]);

  const close = () => {
    onClose();
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    }
    e.stopPropagation();
  };

  return (
    <ul
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={menu.label}
      style={{ left: place.left, top: place.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {menu.actions.map((action) => (
        <li key={action.label} role="none">
          <button
            type="button"
            role="menuitem"
            className={action.danger ? 'is-danger' : undefined}
            onClick={() => {
              close();
              action.run();
            }}
          >
            <span>{action.label}</span>
            {action.hint && <kbd aria-hidden="true">{action.hint}</kbd>}
          </button>
        </li>
      ))}
    </ul>
  );
}
