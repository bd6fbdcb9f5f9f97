/**
 * The person's platform in process.platform terms ('darwin', 'win32',
 * 'linux'), for reading and showing the shared shortcut table. The page
 * cannot ask Electron, so it asks the browser.
 */
import { formatAccelerator, keysFor, type ShortcutId, type ShortcutPlatform } from '../../../shared/shortcuts';

export function detectPlatform(
  nav: { platform?: string; userAgentData?: { platform?: string } } | undefined,
): ShortcutPlatform {
  const name = nav?.userAgentData?.platform || nav?.platform || '';
  if (/mac|darwin|iphone|ipad/i.test(name)) return 'darwin';
  if (/win/i.test(name)) return 'win32';
  return 'linux';
}

export const PLATFORM: ShortcutPlatform = detectPlatform(
  typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { userAgentData?: { platform?: string } }),
);

/** The first key of a shortcut as this platform writes it ("Shift+Del", "⇧⌫"), for hints beside actions. */
export function keyHint(id: ShortcutId): string | undefined {
  const first = keysFor(id, PLATFORM)[0];
  return first ? formatAccelerator(first, PLATFORM) : undefined;
}
