/**
 * JSON text in pieces: exactly what `JSON.stringify(value, null, indent)`
 * returns, handed out a chunk of about `chunkChars` characters at a time, so
 * a large document (a manifest holding a brief of 20,000 claims) is written
 * without ever being one string in memory. One string of the whole is two
 * bytes a character as soon as one character is outside Latin-1 (a curly
 * quote), and is then copied once more into a buffer to be written.
 *
 * The walk keeps its own stack (no recursion, no nested generators), so a
 * deep document costs no more than a flat one. Small items of an array (a
 * manifest's source entries, annotations: a few dozen values each) are
 * written by JSON.stringify itself, a piece's worth at a time, indented to
 * their depth as the walk would: a manifest of 20,000 sources costs about one
 * JSON.stringify of the whole, rather than four. Values follow JSON.stringify's
 * rules: `toJSON` is called with the key, `undefined`, functions and symbols
 * are left out of objects and become `null` in arrays, non-finite numbers
 * become `null`.
 */

type Frame =
  | { kind: 'array'; items: readonly unknown[]; next: number; depth: number }
  | { kind: 'object'; record: Record<string, unknown>; keys: string[]; next: number; depth: number; wrote: boolean };

/** What JSON.stringify would serialise for `value` under `key`: after toJSON; undefined when it is left out. */
function prepared(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  return value;
}

const skipped = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** An item written whole by JSON.stringify holds at most this many values and characters of strings and keys. */
const SMALL_VALUES = 64;
const SMALL_CHARS = 4096;

/**
 * About how many characters JSON.stringify would write for `value` (an object or array) if it is
 * small enough to be written by JSON.stringify in one piece and JSON.stringify would write it as the
 * walk does (it has no toJSON: one was called already, and one on what it returned is not called
 * again); undefined when it is not. The estimate counts each value's indentation and punctuation.
 */
function smallSize(value: object, indent: number, depth: number): number | undefined {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  const stack: unknown[] = [value];
  let values = 0;
  let chars = 0;
  while (stack.length) {
    const v = stack.pop();
    if (++values > SMALL_VALUES) return undefined;
    if (typeof v === 'string') chars += v.length;
    else if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) for (const item of v) stack.push(item);
      else
        for (const key in v) {
          if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
          chars += key.length;
          stack.push((v as Record<string, unknown>)[key]);
        }
    }
    if (chars > SMALL_CHARS) return undefined;
  }
  return chars + values * (8 + (indent ? 1 + indent * (depth + 4) : 0));
}

/**
 * Items of an array at `depth` written by one JSON.stringify: the items inside `depth` arrays more,
 * so JSON.stringify indents them as the walk would, and those arrays' brackets cut off. What is
 * left is each item after a line break and its indentation, separated by commas — the walk's text.
 */
function nativeItems(items: object[], indent: number, depth: number): string {
  let wrapped: unknown = items;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, indent);
  // Before the items: each array's '[' and the line break and indentation after it, bar the last's.
  let before = depth + 1;
  let after = depth + 1;
  if (indent) {
    for (let d = 1; d <= depth; d++) before += 1 + indent * d;
    for (let d = 0; d <= depth; d++) after += 1 + indent * d;
  }
  return text.slice(before, text.length - after);
}

/** The JSON of `value` in chunks of at least `chunkChars` characters (the last may be shorter). */
export function* jsonChunks(value: unknown, indent = 0, chunkChars = 1 << 16): Generator<string> {
  const pad = (depth: number) => (indent ? `\n${' '.repeat(indent * depth)}` : '');
  const colon = indent ? ': ' : ':';
  const stack: Frame[] = [];
  /** The containers being written: one met again inside itself is a cycle, which JSON.stringify refuses too. */
  const inside = new Set<object>();
  let out = '';

  /** Writes a value: a leaf at once, a non-empty array or object as a new frame. */
  const open = (raw: unknown, depth: number): void => {
    if (
      raw === null ||
      typeof raw !== 'object' ||
      raw instanceof String ||
      raw instanceof Number ||
      raw instanceof Boolean
    ) {
      out += JSON.stringify(raw) ?? 'null';
      return;
    }
    if (inside.has(raw)) throw new TypeError('Converting circular structure to JSON');
    if (Array.isArray(raw)) {
      if (raw.length === 0) out += '[]';
      else {
        out += '[';
        inside.add(raw);
        stack.push({ kind: 'array', items: raw, next: 0, depth });
      }
      return;
    }
    out += '{';
    const record = raw as Record<string, unknown>;
    inside.add(record);
    stack.push({ kind: 'object', record, keys: Object.keys(record), next: 0, depth, wrote: false });
  };

  const top = prepared(value, '');
  if (skipped(top)) return; // JSON.stringify returns undefined: there is no text
  open(top, 0);
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.kind === 'array') {
      if (frame.next < frame.items.length) {
        const i = frame.next++;
        const item = prepared(frame.items[i], String(i));
        const size = item !== null && typeof item === 'object' ? smallSize(item, indent, frame.depth) : undefined;
        if (size !== undefined && !inside.has(item as object)) {
          // This item and the small ones after it, as far as the piece has room: one JSON.stringify.
          const batch = [item as object];
          let room = chunkChars - out.length - size;
          while (room > 0 && frame.next < frame.items.length) {
            const next = frame.items[frame.next];
            const more = next !== null && typeof next === 'object' ? smallSize(next, indent, frame.depth) : undefined;
            if (more === undefined || inside.has(next as object)) break;
            batch.push(next as object);
            frame.next++;
            room -= more;
          }
          out += (i ? ',' : '') + nativeItems(batch, indent, frame.depth);
        } else {
          out += (i ? ',' : '') + pad(frame.depth + 1);
          open(skipped(item) ? null : item, frame.depth + 1);
        }
      } else {
        stack.pop();
        inside.delete(frame.items);
        out += `${pad(frame.depth)}]`;
      }
    } else if (frame.next < frame.keys.length) {
      const key = frame.keys[frame.next++]!;
      const item = prepared(frame.record[key], key);
      if (skipped(item)) continue;
      out += (frame.wrote ? ',' : '') + pad(frame.depth + 1) + JSON.stringify(key) + colon;
      frame.wrote = true;
      open(item, frame.depth + 1);
    } else {
      stack.pop();
      inside.delete(frame.record);
      out += frame.wrote ? `${pad(frame.depth)}}` : '}';
    }
    if (out.length >= chunkChars) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}
