/**
 * File › Settings… (Preferences… on macOS; Ctrl+, / ⌘, and the toolbar):
 * language, theme, the reader's font size and line width (the reader behind
 * the dialog and the preview in it follow as the sliders move), the
 * organisation exports name, who the person is in a shared notebook's
 * history, and how shared notebooks sync by themselves (every N minutes, on
 * close). Every change is saved at once through
 * `updateSettings` (per user, never in the notebook): there is no Save button.
 *
 * A native modal <dialog>: labelled by its heading, the rest of the page inert
 * while it is open (focus stays inside), Escape closes it, and focus goes back
 * to where it was.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CHOICES, THEMES, UI_LANGUAGE_NAME, type LanguageChoice, type Theme } from '../../../shared/enums';
import { pickLanguage } from '../../../shared/i18n/options';
import {
  READER_FONT_SIZE,
  READER_LINE_WIDTH,
  SyncSettings,
  type SettingsPatch,
  type UserSettings,
} from '../../../shared/settings';
import { useOpenCommand } from '../help/useOpenCommand';
import { useNotices } from '../ui/notices';
import { PLATFORM } from '../ui/platform';
import { useSettings } from './useSettings';
import '../styles/settings.css';

/** Listens for Ctrl+, / ⌘, and the menu command; shows the dialog while `open`. */
export function Settings({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  useOpenCommand('settings', 'settings', PLATFORM, () => onOpenChange(true));
  return open ? <SettingsDialog onClose={() => onOpenChange(false)} /> : null;
}

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('settings');
  const { error } = useNotices();
  const { settings, update } = useSettings();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);

  const save = (patch: SettingsPatch) => {
    update(patch).catch((err: unknown) => error(err, t('saveFailed')));
  };

  return (
    <dialog
      ref={ref}
      className="modal settings-dialog"
      aria-labelledby="settings-title"
      aria-describedby="settings-saved-note"
      onClose={onClose}
      onCancel={onClose}
    >
      <header className="settings-head">
        <h2 id="settings-title">{t('title')}</h2>
      </header>
      <p id="settings-saved-note" className="settings-note">
        {t('savedNote')}
      </p>

      <Section title={t('appearance')}>
        <Field label={t('language')}>
          {(id) => (
            <select
              id={id}
              value={settings.language}
              onChange={(e) => save({ language: e.target.value as LanguageChoice })}
            >
              {LANGUAGE_CHOICES.map((choice) => (
                <option key={choice} value={choice} lang={choice === 'system' ? undefined : choice}>
                  {choice === 'system'
                    ? t('languageSystem', { name: UI_LANGUAGE_NAME[pickLanguage(navigator.languages ?? [])] })
                    : UI_LANGUAGE_NAME[choice]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="settings-choices">
          <legend>{t('theme')}</legend>
          {THEMES.map((theme) => (
            <label key={theme} className="settings-choice">
              <input
                type="radio"
                name="settings-theme"
                value={theme}
                checked={settings.theme === theme}
                onChange={() => save({ theme: theme satisfies Theme })}
              />
              {t(`themes.${theme}`)}
            </label>
          ))}
        </fieldset>
      </Section>

      <Section title={t('reader')}>
        <Range
          label={t('fontSize')}
          bounds={READER_FONT_SIZE}
          value={settings.readerFontSize}
          shown={(size) => t('fontSizeValue', { size })}
          onChange={(readerFontSize) => save({ readerFontSize })}
        />
        <Range
          label={t('lineWidth')}
          bounds={READER_LINE_WIDTH}
          step={2}
          value={settings.readerLineWidth}
          shown={(width) => t('lineWidthValue', { width })}
          onChange={(readerLineWidth) => save({ readerLineWidth })}
        />
        <figure className="settings-preview">
          <figcaption>{t('preview')}</figcaption>
          <p className="settings-preview-text" data-testid="settings-preview">
            {t('previewText')}
          </p>
        </figure>
      </Section>

      <Section title={t('exports')}>
        <TextSetting
          label={t('organisation')}
          hint={t('organisationHint')}
          value={settings.organisation}
          autoComplete="organization"
          onChange={(organisation) => save({ organisation })}
        />
      </Section>

      <Section title={t('shared')}>
        <TextSetting
          label={t('authorName')}
          value={settings.authorName}
          autoComplete="name"
          onChange={(authorName) => save({ authorName })}
        />
        <TextSetting
          label={t('authorEmail')}
          hint={t('authorHint')}
          type="email"
          value={settings.authorEmail}
          autoComplete="email"
          onChange={(authorEmail) => save({ authorEmail })}
        />
        <SyncEvery
          settings={settings}
          onChange={(everyMinutes) => save({ sync: { ...settings.sync, everyMinutes } })}
        />
        <label className="settings-check">
          <input
            type="checkbox"
            checked={settings.sync.onClose}
            onChange={(e) => save({ sync: { ...settings.sync, onClose: e.target.checked } })}
          />
          {t('syncOnClose')}
        </label>
      </Section>

      <footer className="settings-foot">
        <button type="button" className="button button-primary" onClick={() => ref.current?.close()}>
          {t('done')}
        </button>
      </footer>
    </dialog>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint && (
        <p className="settings-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

function Range({
  label,
  bounds,
  step = 1,
  value,
  shown,
  onChange,
}: {
  label: string;
  bounds: { min: number; max: number };
  step?: number;
  value: number;
  shown(value: number): string;
  onChange(value: number): void;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <div className="settings-range">
          <input
            id={id}
            type="range"
            min={bounds.min}
            max={bounds.max}
            step={step}
            value={value}
            aria-valuetext={shown(value)}
            onChange={(e) => onChange(Number(e.target.value))}
          />
          <output htmlFor={id}>{shown(value)}</output>
        </div>
      )}
    </Field>
  );
}

/**
 * A text setting: saved as the person types. While the field has the focus it
 * shows what was typed, not the stored value coming back (which is trimmed).
 */
function TextSetting({
  label,
  hint,
  value,
  type = 'text',
  autoComplete,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  type?: 'text' | 'email';
  autoComplete?: string;
  onChange(value: string): void;
}) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          type={type}
          value={editing ? draft : value}
          maxLength={type === 'email' ? 320 : 200}
          autoComplete={autoComplete}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={() => {
            setDraft(value);
            setEditing(true);
          }}
          onBlur={() => setEditing(false)}
          onChange={(e) => {
            setDraft(e.target.value);
            onChange(e.target.value);
          }}
        />
      )}
    </Field>
  );
}

/** Minutes between automatic syncs: saved once the field holds a whole number in range (0: only when asked). */
function SyncEvery({ settings, onChange }: { settings: UserSettings; onChange(minutes: number): void }) {
  const { t } = useTranslation('settings');
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <Field label={t('syncEvery')} hint={t('syncEveryHint')}>
      {(id) => (
        <input
          id={id}
          className="settings-number"
          type="number"
          inputMode="numeric"
          min={0}
          max={24 * 60}
          step={1}
          value={draft ?? String(settings.sync.everyMinutes)}
          aria-describedby={`${id}-hint`}
          onBlur={() => setDraft(null)}
          onChange={(e) => {
            setDraft(e.target.value);
            const minutes = SyncSettings.shape.everyMinutes.safeParse(e.target.valueAsNumber);
            if (minutes.success && e.target.value !== '') onChange(minutes.data);
          }}
        />
      )}
    </Field>
  );
}
