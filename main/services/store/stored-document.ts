/**
 * One JSON file of the notebook in memory: a lowdb instance over the atomic
 * adapter, changed through immer (so every change has its patches) and saved
 * by a coalesced, durable writer.
 */
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { applyPatches, produceWithPatches, type Patch } from 'immer';
import { Low } from 'lowdb';
import { AtomicJsonFile, fsyncDirectory } from './atomic-json-file';
import { CoalescedWriter } from './coalesced-writer';

/** One JSON file of the notebook: a lowdb instance plus its coalesced, durable writer. */
export class StoredDocument<T> {
  readonly db: Low<T>;
  private readonly writer: CoalescedWriter;
  constructor(
    readonly file: string,
    data: T,
  ) {
    this.db = new Low<T>(new AtomicJsonFile<T>(file), data);
    this.writer = new CoalescedWriter(() => this.db.write());
  }
  get data(): T {
    return this.db.data;
  }
  /** Applies `change` as an immer recipe; returns its patches (empty when nothing changed). */
  produce(change: (draft: T) => void): { patches: Patch[]; inverse: Patch[] } {
    const [next, patches, inverse] = produceWithPatches(this.db.data, (draft: T) => {
      change(draft);
    });
    this.db.data = next as T;
    return { patches, inverse };
  }
  apply(patches: Patch[]): void {
    this.db.data = applyPatches(this.db.data as object, patches) as T;
  }
  save(): Promise<void> {
    return this.writer.request();
  }
  idle(): Promise<void> {
    return this.writer.idle();
  }
  /** A write is pending or in flight: the document in memory may be ahead of its file. */
  get busy(): boolean {
    return this.writer.busy;
  }
}

/**
 * Saves a document just changed in memory; when the save fails (a full or
 * failing disk), the change is taken back in memory too, and the file is
 * written back as it was where the disk allows (the step that failed may have
 * come after the rename, e.g. the folder's fsync). So a later save cannot write
 * a change the caller was told failed.
 */
export async function saveOrRevert<T>(doc: StoredDocument<T>, inverse: Patch[]): Promise<void> {
  try {
    await doc.save();
  } catch (err) {
    doc.apply(inverse);
    await doc.save().catch(() => undefined);
    throw err;
  }
}

/**
 * Writes a new document's file durably (a new source or brief, or one an undo
 * brings back). Its folder is made again when it is gone — a `git pull` run
 * beside the app removes a folder it emptied, e.g. after a teammate deleted
 * the last brief — and made durable in its parent. When the write fails, no file is left behind
 * that nothing lists (the rename may have come before the step that failed).
 */
export async function saveNew<T>(doc: StoredDocument<T>): Promise<void> {
  const dir = path.dirname(doc.file);
  if (await mkdir(dir, { recursive: true })) await fsyncDirectory(path.dirname(dir));
  try {
    await doc.save();
  } catch (err) {
    await unlink(doc.file).catch(() => undefined);
    throw err;
  }
}
