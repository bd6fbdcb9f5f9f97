/**
 * Put inside a dialog (or any panel that opens over what the person was on): when the dialog goes away, the
 * keyboard focus goes back to the element that had it when the dialog appeared — the button, list row or
 * field that opened it — instead of falling to the page, unless the focus has since moved elsewhere on purpose.
 * Dialogs here are mounted while open, so the browser's own return of focus (on `dialog.close()`) is not enough.
 */
import { useEffect, useState } from 'react';

export function ReturnFocus(): null {
  // Read during the first render: the dialog has not taken the focus yet.
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      const now = document.activeElement;
      const lost = now === null || now === document.body || !now.isConnected;
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [opener],
  );
  return null;
}
