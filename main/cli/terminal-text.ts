/**
 * What the CLI prints comes partly from files someone else wrote (an imported
 * article's title, a shared notebook): a control character in it would be run
 * by the terminal — OSC 52 writes the clipboard, CSI moves the cursor or
 * erases lines, a bidi override reverses what follows. Every line the CLI
 * prints goes through here (dossier.ts wraps the output), so such characters
 * are shown, escaped as `\u{1b}`, and never acted on.
 */

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi controls (LRM/RLM, embeddings, overrides, isolates, ALM). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string) => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/** `text` with every control character a terminal would act on shown as `\u{…}`. */
export function forTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROL, visible);
}

/**
 * JSON text for a terminal: JSON.stringify already escapes C0 controls, but
 * not DEL, C1 or the bidi controls; those are written as `\uXXXX` escapes,
 * which parse back to the same strings (outside strings JSON is plain ASCII).
 */
export function jsonForTerminal(json: string): string {
  return json.replace(TERMINAL_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
