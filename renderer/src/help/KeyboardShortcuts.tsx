/**
 * Help › Keyboard Shortcuts (also `?` and F1): every shortcut of the shared
 * table (the one the native menu takes its accelerators from), grouped by
 * where it applies and written the platform's way (⌘ on macOS, Ctrl elsewhere).
 */
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutsByArea, type ShortcutPlatform } from '../../../shared/shortcuts';
import { PLATFORM } from '../ui/platform';
import { useOpenCommand } from './useOpenCommand';
import { ReturnFocus } from '../ui/ReturnFocus';

/** Listens for the shortcut and the menu command; shows the dialog when asked. */
export function KeyboardShortcuts({ platform = PLATFORM }: { platform?: ShortcutPlatform }) {
  const [open, setOpen] = useState(false);
  useOpenCommand('shortcuts', 'shortcuts', platform, () => setOpen(true));
  return open ? <ShortcutsDialog platform={platform} onClose={() => setOpen(false)} /> : null;
}

export function ShortcutsDialog({ platform, onClose }: { platform: ShortcutPlatform; onClose(): void }) {
  const { t } = useTranslation(['help', 'common', 'enums']);
  const ref = useRef<HTMLDialogElement>(null);
  const groups = useMemo(() => shortcutsByArea(platform), [platform]);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <ReturnFocus />
      <header className="shortcuts-head">
        <h2 id="shortcuts-title">{t('title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('common:close')}
          onClick={() => ref.current?.close()}
        >
          ×
        </button>
      </header>
      <div className="shortcuts-groups">
        {groups.map((group) => (
          <section key={group.area} className="shortcuts-group" aria-label={t(`area.${group.area}`)}>
            <h3>{t(`area.${group.area}`)}</h3>
            <dl>
              {group.shortcuts.map((s) => (
                <div key={s.id} className="shortcut" data-shortcut-id={s.id}>
                  <dt>{t(`shortcut.${s.id}`, { defaultValue: s.label })}</dt>
                  <dd>
                    {s.keys.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 && <span className="shortcuts-or">{t('or')}</span>}
                        <kbd>{k}</kbd>
                      </Fragment>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="shortcuts-note">{t('note')}</p>
    </dialog>
  );
}
