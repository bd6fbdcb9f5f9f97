/**
 * A metadata value edited in place: click it (or focus it and press Enter) to
 * edit, Enter to save, Escape to cancel. Values are checked before they are
 * sent (ISO date, ISO 639-1 language, non-empty title) and main checks them
 * again; a problem is shown under the field. Saving is one undoable step.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { EditableDate, EditableLanguage } from '../../../shared/api/sources';
import { call, errorMessage } from '../api';
import '../styles/import.css';

export type MetaField = 'title' | 'outlet' | 'author' | 'publishedAt' | 'language' | 'url';

/** Fields with a hint of the expected form while editing (`sources:edit.placeholder.<field>`). */
const PLACEHOLDER_FIELDS = ['publishedAt', 'language'] as const;
/** The same in every language. */
const URL_PLACEHOLDER = 'https://…';
const hasPlaceholder = (field: MetaField): field is (typeof PLACEHOLDER_FIELDS)[number] =>
  (PLACEHOLDER_FIELDS as readonly string[]).includes(field);

/** A readable problem with `value` for `field`, or null when it may be saved. */
export function validateMeta(field: MetaField, value: string): string | null {
  const v = value.trim();
  const t = i18next.getFixedT(null, 'common');
  if (field === 'title') return v ? null : t('validation.titleEmpty');
  if (field === 'language') {
    const r = EditableLanguage.safeParse(v);
    return r.success ? null : t('validation.languageCode');
  }
  if (field === 'publishedAt' && v) {
    const r = EditableDate.safeParse(v);
    return r.success ? null : t('validation.date');
  }
  return null;
}

interface Props {
  sourceId: string;
  field: MetaField;
  /** The stored value ('' when not known). */
  value: string;
  /** How the value is shown when not editing. */
  children: ReactNode;
  readOnly?: boolean;
}

export function EditableValue({ sourceId, field, value, children, readOnly }: Props) {
  const { t } = useTranslation(['sources', 'common', 'enums', 'a11y']);
  const name = t(`edit.field.${field}`);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const displayRef = useRef<HTMLButtonElement>(null);
  const editing = draft !== null;

  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  const stop = () => {
    setDraft(null);
    setProblem(null);
    // Give the keyboard back to the value, so Tab order is not lost.
    requestAnimationFrame(() => displayRef.current?.focus());
  };

  const save = async () => {
    if (draft === null || saving) return;
    const next = draft.trim();
    if (next === value) {
      stop();
      return;
    }
    const invalid = validateMeta(field, next);
    if (invalid) {
      setProblem(invalid);
      return;
    }
    setSaving(true);
    try {
      await call('updateSourceMeta', { id: sourceId, patch: { [field]: next } });
      stop();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      stop();
    }
  };

  if (!editing) {
    return (
      <button
        ref={displayRef}
        type="button"
        className="editable-value"
        title={readOnly ? undefined : t('edit.clickToEdit', { field: name })}
        disabled={readOnly}
        onClick={() => setDraft(value)}
      >
        {/* Named by the field and what it shows (a date or language as written out); the title says it edits. */}
        <span className="visually-hidden">{t('a11y:editableField', { field: name })}</span>
        {children}
      </button>
    );
  }
  const errorId = `meta-error-${field}`;
  return (
    <span className="editable-editing">
      <input
        ref={inputRef}
        className={problem ? 'editable-input is-invalid' : 'editable-input'}
        value={draft}
        placeholder={
          hasPlaceholder(field) ? t(`edit.placeholder.${field}`) : field === 'url' ? URL_PLACEHOLDER : undefined
        }
        aria-label={t('edit.inputLabel', { field: name })}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        disabled={saving}
        onChange={(e) => {
          setDraft(e.target.value);
          if (problem) setProblem(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // Leaving the field with an unchanged value just closes it; a changed one waits for Enter or Escape.
          if (draft.trim() === value && !saving) stop();
        }}
      />
      <span className="editable-hint muted">{t('edit.hint')}</span>
      {problem && (
        <span id={errorId} className="editable-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
