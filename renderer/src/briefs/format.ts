const OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "23 Nov, 14:05" (English, written the British way) or "23 nov. 14:05" (Swedish) for an ISO timestamp
 * in the interface language; the input itself when unparseable.
 */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = language === 'en' ? 'en-GB' : language;
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, OPTIONS)));
  return format.format(d);
}

/** A claim's tags as "#one #two", the way the claims panel and the cite popup show them. */
export function hashTags(names: readonly string[]): string {
  return names.map((name) => `#${name}`).join(' ');
}
