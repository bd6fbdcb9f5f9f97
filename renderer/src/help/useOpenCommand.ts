/**
 * Opens a dialog on its shortcut (outside text fields) and on its native menu
 * command: the Keyboard Shortcuts dialog, the History panel.
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/enums';
import { isShortcut, type ShortcutId, type ShortcutPlatform } from '../../../shared/shortcuts';
import { useApiEvent } from '../api/useApiEvent';
import { isEditableTarget } from '../annotations/keys';

export function useOpenCommand(
  shortcut: ShortcutId,
  command: MenuCommand,
  platform: ShortcutPlatform,
  open: () => void,
): void {
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || isEditableTarget(e.target)) return;
      if (isShortcut(e, shortcut, platform)) {
        e.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcut, platform]);
  useApiEvent('menu', (e) => {
    if (e.command === command) latest.current();
  });
}
