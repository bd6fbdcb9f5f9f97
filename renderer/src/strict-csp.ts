/**
 * Imported first by main.tsx: what the renderer does to run under its strict
 * Content-Security-Policy (shared/csp.ts) without a single violation.
 *
 * - No 'unsafe-eval' for scripts: zod 4 would otherwise probe `new Function`
 *   (its JIT), which the browser reports as a violation even though zod catches it.
 * - No 'unsafe-inline' for styles: tiptap injects ProseMirror's base CSS as an
 *   inline <style> element. Every editor passes `NO_INJECTED_CSS` to
 *   useEditor, and the same rules come as files from ProseMirror's own
 *   stylesheets, imported here, before the app's CSS, so the app's rules win.
 */
import { config } from 'zod';
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-gapcursor/style/gapcursor.css';

config({ jitless: true });

/** useEditor options: no inline <style> (see above). */
export const NO_INJECTED_CSS = { injectCSS: false } as const;
