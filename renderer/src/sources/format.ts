/** Display helpers for source metadata. */

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
let languageNames: Intl.DisplayNames | null = null;

/** "2025-03-12" → "12 Mar 2025" (in the person's locale); an unparseable value is shown as is. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return Number.isNaN(day.getTime()) ? iso : dateFormat.format(day);
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? iso : dateTimeFormat.format(when);
}

/** "sv" → "Swedish"; "und" → "Unknown". */
export function languageName(code: string): string {
  if (!code || code === 'und') return 'Unknown';
  try {
    languageNames ??= new Intl.DisplayNames(undefined, { type: 'language' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function originLabel(kind: string): string {
  switch (kind) {
    case 'file':
      return 'File';
    case 'paste':
      return 'Pasted text';
    case 'url':
      return 'Web address';
    case 'generated':
      return 'Generated';
    default:
      return kind;
  }
}
