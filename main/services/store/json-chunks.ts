/**
 * JSON text in pieces: exactly what `JSON.stringify(value, null, indent)`
 * returns, handed out a chunk of about `chunkChars` characters at a time, so
 * a large document (a manifest holding a brief of 20,000 claims) is written
 * without ever being one string in memory. One string of the whole is two
 * bytes a character as soon as one character is outside Latin-1 (a curly
 * quote), and is then copied once more into a buffer to be written.
 *
 * The walk keeps its own stack (no recursion, no nested generators), so a
 * deep document costs no more than a flat one. A small item of an array (a
 * manifest's source entry, an annotation: a few dozen values) is written by
 * JSON.stringify itself and indented to its depth, which is what the walk
 * would write, at native speed: a manifest of 20,000 sources costs about one
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
 * `value` (an object or array) is small enough to be written by JSON.stringify in one piece, and
 * JSON.stringify would write it as the walk does: its own toJSON, if any, was called already (a
 * value it returned with a toJSON of its own is left to the walk, which does not call that one).
 */
function small(value: object): boolean {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const stack: unknown[] = [value];
  let values = 0;
  let chars = 0;
  while (stack.length) {
    const v = stack.pop();
    if (++values > SMALL_VALUES) return false;
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
    if (chars > SMALL_CHARS) return false;
  }
  return true;
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
        out += (i ? ',' : '') + pad(frame.depth + 1);
        if (item !== null && typeof item === 'object' && !inside.has(item) && small(item)) {
          // JSON strings hold no raw line break: every one in the text is indentation, moved to this depth.
          const text = JSON.stringify(item, null, indent);
          out += indent ? text.replaceAll('\n', pad(frame.depth + 1)) : text;
        } else open(skipped(item) ? null : item, frame.depth + 1);
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
