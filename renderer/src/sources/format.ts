/** Display helpers for source metadata, in the interface's language (formatLocale). */
import i18next from 'i18next';
import { ORIGIN_KINDS, type OriginKind } from '../../../shared/enums';
import { formatLocale } from '../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language and style, made once. */
function dateFormat(style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const locale = formatLocale();
  const key = `${locale}:${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      style === 'date' ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' },
    );
    formats.set(key, format);
  }
  return format;
}

/** "2025-03-12" → "12 Mar 2025" (in the interface's language); an unparseable value is shown as is. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return Number.isNaN(day.getTime()) ? iso : dateFormat('date').format(day);
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? iso : dateFormat('dateTime').format(when);
}

/** "sv" → "Swedish" (or "svenska" in Swedish); "und" → "Unknown". */
export function languageName(code: string): string {
  if (!code || code === 'und') return i18next.t('sources:languageUnknown');
  try {
    return new Intl.DisplayNames(formatLocale(), { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function originLabel(kind: string): string {
  const known = ORIGIN_KINDS.find((k): k is OriginKind => k === kind);
  return known ? i18next.t(`enums:originKind.${known}`) : kind;
}
