const OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The locale dates are written in for an interface language: the system's own variant of that language
 * when it prefers one (en-US, sv-FI), else the language itself, English written the British way.
 */
export function dateLocale(language: string): string {
  const own = (navigator.languages ?? [navigator.language]).find((tag) => tag.split('-')[0] === language);
  return own ?? (language === 'en' ? 'en-GB' : language);
}

/**
 * "23 Nov, 14:05" (English) or "23 nov. 14:05" (Swedish) for an ISO timestamp in the interface language;
 * the input itself when unparseable.
 */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = dateLocale(language);
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, OPTIONS)));
  return format.format(d);
}

/** A claim's tags as "#one #two", the way the claims panel and the cite popup show them. */
export function hashTags(names: readonly string[]): string {
  return names.map((name) => `#${name}`).join(' ');
}
