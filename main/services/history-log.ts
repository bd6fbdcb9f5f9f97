/**
 * The undo history on disk, `.cache/history.jsonl` (docs/storage.md), so that
 * Undo reaches back across sessions: the app's Edit › Undo after a restart,
 * and `dossier undo` after an earlier `dossier` command. One JSON line per
 * step — `record` (a new action with its patches), `undo`, `redo` — or a
 * `snapshot` of both stacks when the log is rewritten.
 *
 * Each line also stamps the files the step touched (inode, size, mtime) as
 * they were when it ended. On load the newest stamp of every file must match
 * the file on disk; if anything changed them since (a restore from a backup, a
 * `git checkout`, an edit by hand), the patches no longer fit and the saved
 * history is dropped — undo then starts empty rather than damage the files.
 *
 * A brief written or removed whole (a draft of thousands of claims is tens of
 * megabytes) is kept beside the log, in `.cache/history-blobs/<sha256>.json`,
 * and the line names it: opening a notebook parses the log, and a brief in it
 * would cost a long pause and its size in memory for an undo that may never
 * come. It is read when an undo or redo needs it. A log naming a blob that is
 * not there is dropped like one whose files changed.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BriefFile } from '../../shared/model';
import type { HistoryEntry } from './history';
import { DossierError } from '../../shared/errors';
import { readBytesNoFollow, writeFileDurably } from './store/atomic-json-file';
import { jsonChunks } from './store/json-chunks';
import { MANIFEST_FILE, SOURCES_DIR, type FileRef } from './store/notebook-store';
import { BRIEFS_DIR } from './store/brief-files';

export const HISTORY_LOG = path.join('.cache', 'history.jsonl');
export const HISTORY_BLOBS = path.join('.cache', 'history-blobs');
/** A brief's file in an action from this size on is kept as a blob beside the log. */
export const BLOB_MIN_BYTES = 256 * 1024;
const BLOB_NAME = /^[0-9a-f]{64}$/;

/** Lines beyond which the log is rewritten as one snapshot. */
const COMPACT_AFTER = 1000;

/**
 * Bytes the log may take (docs/storage.md): an import keeps whole source files
 * in its entry, so a count of entries alone does not bound it. When a step
 * would take the file past this, it is rewritten as one snapshot without the
 * oldest actions (and, if still too big, the farthest redo steps).
 */
export const HISTORY_LOG_MAX_BYTES = 32 * 1024 * 1024;

type Stamps = Record<string, string>;

/** One line of the log as UTF-8 pieces: an entry holding a large brief is never one string (two bytes a character). */
interface EncodedLine {
  parts: Buffer[];
  bytes: number;
}

/** A value's JSON (as JSON.stringify writes it) as UTF-8 pieces, then `after`. */
function encoded(value: unknown, after = ''): EncodedLine {
  const parts = [...jsonChunks(value), after].filter(Boolean).map((piece) => Buffer.from(piece, 'utf8'));
  return { parts, bytes: parts.reduce((sum, part) => sum + part.length, 0) };
}

const lineOf = (value: unknown): EncodedLine => encoded(value, '\n');

/** Pieces one after another, as one line of pieces. */
function joined(pieces: Array<EncodedLine | string>): EncodedLine {
  const parts = pieces.flatMap((p) => (typeof p === 'string' ? [Buffer.from(p, 'utf8')] : p.parts));
  return { parts, bytes: parts.reduce((sum, part) => sum + part.length, 0) };
}

type Lifecycle = NonNullable<HistoryEntry['changes'][number]['lifecycle']>;

/** The blob names of the actions' briefs kept beside the log. */
function blobsOf(entries: readonly HistoryEntry[], named: WeakMap<Lifecycle, string>): Set<string> {
  const out = new Set<string>();
  for (const e of entries)
    for (const c of e.changes) {
      const blob = c.lifecycle && (named.get(c.lifecycle) ?? c.lifecycle.blob);
      if (blob) out.add(blob);
    }
  return out;
}

type Line =
  | { op: 'record'; entry: HistoryEntry; stamps: Stamps }
  | { op: 'undo' | 'redo'; stamps: Stamps }
  | { op: 'snapshot'; undo: HistoryEntry[]; redo: HistoryEntry[]; stamps: Stamps };

export interface Stacks {
  undo: HistoryEntry[];
  redo: HistoryEntry[];
}

export class HistoryLog {
  private readonly file: string;
  private stamps: Stamps = {};
  private lines = 0;
  private bytes = 0;
  /** The file on disk does not describe the stacks in memory (dropped, damaged): rewrite it at the next step. */
  private stale = true;
  private writing: Promise<void> = Promise.resolve();
  /** The blob each brief's lifecycle (written or removed whole) is kept in, once it was. */
  private readonly named = new WeakMap<Lifecycle, string>();

  constructor(
    private readonly dir: string,
    private readonly maxBytes = HISTORY_LOG_MAX_BYTES,
  ) {
    this.file = path.join(dir, HISTORY_LOG);
  }

  private rel(ref: FileRef): string {
    if (ref.kind === 'manifest') return MANIFEST_FILE;
    return path.join(ref.kind === 'brief' ? BRIEFS_DIR : SOURCES_DIR, `${ref.id}.json`);
  }

  /** A file's stamp; '' for a file that is not there (a deleted source), as `write` records it. */
  private async stampOf(rel: string): Promise<string> {
    const s = await stat(path.join(this.dir, rel)).catch(() => undefined);
    return s ? `${s.ino}:${s.size}:${s.mtimeMs}` : '';
  }

  /**
   * The saved stacks, replayed with `push` (the history's own way of adding an
   * entry, merges included), or undefined when there is no usable log.
   */
  async load(push: (stacks: Stacks, entry: HistoryEntry) => void): Promise<Stacks | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return undefined;
    }
    const stacks: Stacks = { undo: [], redo: [] };
    const stamps: Stamps = {};
    let lines = 0;
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        return undefined; // a torn or damaged line: the rest cannot be trusted
      }
      lines++;
      if (line.op === 'snapshot') {
        stacks.undo = line.undo;
        stacks.redo = line.redo;
      } else if (line.op === 'record') {
        push(stacks, line.entry);
      } else {
        const [from, to] = line.op === 'undo' ? [stacks.undo, stacks.redo] : [stacks.redo, stacks.undo];
        const entry = from.pop();
        if (entry) to.push(entry);
      }
      Object.assign(stamps, line.stamps);
    }
    for (const [rel, stamp] of Object.entries(stamps)) {
      if ((await this.stampOf(rel)) !== stamp) return undefined;
    }
    for (const blob of blobsOf([...stacks.undo, ...stacks.redo], this.named)) {
      if (!BLOB_NAME.test(blob) || !(await stat(this.blobFile(blob)).catch(() => undefined))?.isFile())
        return undefined;
    }
    this.stamps = stamps;
    this.lines = lines;
    this.bytes = Buffer.byteLength(text);
    // A log saved under a larger limit is rewritten (and trimmed) at the next step.
    this.stale = this.bytes > this.maxBytes;
    return stacks;
  }

  /**
   * Notes one step, right after its files are written: their stamps are taken
   * now (synchronously, before any later write can touch them), the line is
   * written in the background, in order; `idle()` waits for it. `stacks` are
   * the stacks after the step (for a rewrite); a rewrite that would exceed
   * the size limit drops the oldest actions from them, in memory too, so the
   * history in use and the one saved stay the same.
   */
  write(step: { op: 'record' | 'undo' | 'redo'; entry: HistoryEntry }, stacks: Stacks): void {
    const stamps: Stamps = {};
    for (const change of step.entry.changes) {
      const rel = this.rel(change.file);
      try {
        const s = statSync(path.join(this.dir, rel));
        stamps[rel] = `${s.ino}:${s.size}:${s.mtimeMs}`;
      } catch {
        stamps[rel] = '';
      }
    }
    Object.assign(this.stamps, stamps);
    // The line is made now, from the stacks as they are: later merges change entries in place.
    // A recorded entry is encoded once, for its line and for a snapshot the line may turn into.
    const blobs = new Map<string, EncodedLine>();
    const entry = step.op === 'record' ? encoded(this.onDisk(step.entry, blobs)) : undefined;
    let text =
      step.op === 'record'
        ? joined(['{"op":"record","entry":', entry!, `,"stamps":${JSON.stringify(stamps)}}\n`])
        : lineOf({ op: step.op, stamps } satisfies Line);
    const rewrite = this.stale || this.lines >= COMPACT_AFTER || this.bytes + text.bytes > this.maxBytes;
    if (rewrite) text = this.snapshotWithin(stacks, blobs, entry && new Map([[step.entry, entry]]));
    this.lines = rewrite ? 1 : this.lines + 1;
    this.bytes = rewrite ? text.bytes : this.bytes + text.bytes;
    this.stale = false;
    const keep = rewrite ? blobsOf([...stacks.undo, ...stacks.redo], this.named) : undefined;
    const run = this.writing.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      // The blobs first: a line never names a blob that is not on disk.
      if (blobs.size) await mkdir(path.join(this.dir, HISTORY_BLOBS), { recursive: true });
      for (const [blob, data] of blobs) await writeFileDurably(this.blobFile(blob), data.parts);
      await (rewrite ? writeFileDurably(this.file, text.parts) : appendFile(this.file, text.parts));
      if (keep) await this.removeBlobsBut(keep);
    });
    // A history that cannot be saved must not fail the change itself: it is rewritten whole next time.
    this.writing = run.catch(() => void (this.stale = true));
  }

  /**
   * The snapshot line of `stacks` — exactly the JSON of `{op: 'snapshot', undo, redo, stamps}` — after
   * dropping the oldest actions until it fits the limit. Each action is encoded once: an entry can hold
   * a brief of tens of megabytes, and encoding the whole snapshot again per dropped action took seconds.
   */
  private snapshotWithin(
    stacks: Stacks,
    blobs: Map<string, EncodedLine>,
    known?: Map<HistoryEntry, EncodedLine>,
  ): EncodedLine {
    // A brief kept as a blob already is only named; one an older log held in its line goes to `blobs`.
    const encode = (e: HistoryEntry) => known?.get(e) ?? encoded(this.onDisk(e, blobs));
    const undo = stacks.undo.map(encode);
    const redo = stacks.redo.map(encode);
    const line = () => {
      const list = (xs: EncodedLine[]) => xs.flatMap((x, i) => (i ? [',', x] : [x]));
      return joined([
        '{"op":"snapshot","undo":[',
        ...list(undo),
        '],"redo":[',
        ...list(redo),
        `],"stamps":${JSON.stringify(this.stamps)}}\n`,
      ]);
    };
    let text = line();
    // Oldest undo first; then the redo step farthest from now (the bottom of its stack).
    let excess = text.bytes - this.maxBytes;
    if (excess <= 0) return text;
    while (excess > 0 && (undo.length || redo.length)) {
      const dropped = undo.length ? (stacks.undo.shift(), undo.shift()!) : (stacks.redo.shift(), redo.shift()!);
      excess -= dropped.bytes + 1; // and its comma
    }
    text = line();
    return text;
  }

  private blobFile(blob: string): string {
    return path.join(this.dir, HISTORY_BLOBS, `${blob}.json`);
  }

  /**
   * The entry as its line holds it: each brief written or removed whole, from BLOB_MIN_BYTES on, named
   * by its blob instead (added to `blobs`, to be written, the first time it is met).
   */
  private onDisk(entry: HistoryEntry, blobs: Map<string, EncodedLine>): HistoryEntry {
    let changed = false;
    const changes = entry.changes.map((change) => {
      const life = change.lifecycle;
      if (!life || change.file.kind !== 'brief') return change;
      let blob = this.named.get(life) ?? life.blob;
      if (!blob) {
        const data = encoded(life.data);
        if (data.bytes < BLOB_MIN_BYTES) return change;
        const hash = createHash('sha256');
        for (const part of data.parts) hash.update(part);
        blob = hash.digest('hex');
        blobs.set(blob, data);
      }
      this.named.set(life, blob);
      changed = true;
      return { ...change, lifecycle: { kind: life.kind, blob } };
    });
    return changed ? { ...entry, changes } : entry;
  }

  /**
   * Brings a brief kept as a blob back into its action, before an undo or redo writes it: only bytes
   * whose sha256 is the blob's name, holding that very brief, are used (else the step fails, nothing written).
   */
  async resolve(change: HistoryEntry['changes'][number]): Promise<void> {
    const life = change.lifecycle;
    if (!life?.blob || life.data) return;
    const bytes = await readBytesNoFollow(this.blobFile(life.blob));
    const data = BriefFile.safeParse(
      createHash('sha256').update(bytes).digest('hex') === life.blob ? JSON.parse(bytes.toString('utf8')) : undefined,
    );
    if (!data.success || change.file.kind !== 'brief' || data.data.brief.id !== change.file.id)
      throw DossierError.of('internal', 'store.changeWithoutData');
    life.data = data.data;
    this.named.set(life, life.blob);
  }

  private async removeBlobsBut(keep: Set<string>): Promise<void> {
    const dir = path.join(this.dir, HISTORY_BLOBS);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const blob = name.replace(/\.json$/, '');
      if (BLOB_NAME.test(blob) && !keep.has(blob)) await rm(path.join(dir, name), { force: true });
    }
  }

  /** Resolves when every step noted so far is written. */
  idle(): Promise<void> {
    return this.writing;
  }
}
