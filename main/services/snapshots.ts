/**
 * Snapshots of a notebook (docs/storage.md, "Snapshots"): a zip of its files —
 * `notebook.json`, `sources/*.json` and `briefs/*.json`, never `.cache/` or `.lock` — kept in
 * the person's data folder, outside the notebook, so a notebook damaged or
 * emptied by mistake can be brought back. Each zip also holds
 * `dossier-snapshot.json`, the sha256 of every file in it, so a damaged zip is
 * recognised before anything is restored from it.
 *
 * Snapshots rotate: the newest KEEP_RECENT, plus the newest of each of the
 * last KEEP_DAYS days. Never imports electron: the desktop app passes its
 * user-data folder to snapshotRoot.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { platformUserFolder, type UserFolderOptions } from './user-folders';
// The browser build: the same synchronous zip, without the node build's top-level `require`, which clashes with
// the bundle's own (the async, worker-based functions are not used).
import { unzipSync, Zip, ZipDeflate } from 'fflate/browser';
import type { SnapshotInfo } from '../../shared/api/history';
import { SnapshotReason } from '../../shared/enums';
import { DossierError } from '../../shared/errors';
import { writeFileDurably } from './store/atomic-json-file';
import { MANIFEST_FILE, SOURCES_DIR } from './store/notebook-store';
import { BRIEFS_DIR } from './store/brief-files';

export const KEEP_RECENT = 10;
export const KEEP_DAYS = 7;
/** The zip entry listing the files and their hashes. */
export const SNAPSHOT_INDEX = 'dossier-snapshot.json';

const ID_PATTERN = /^(\d{8})-(\d{6})-(\d{3})-([a-z]+)$/;
/** The folders of one file per record a snapshot holds, besides the manifest. */
const RECORD_DIRS = [SOURCES_DIR, BRIEFS_DIR] as const;
const RECORD_ENTRY = /^(?:sources|briefs)\/[A-Za-z0-9_-]{1,64}\.json$/;

/**
 * The folder every notebook's snapshots go under (one sub-folder per notebook
 * id): `$DOSSIER_SNAPSHOTS` when set; else `<userData>/snapshots` for the
 * desktop app; else the platform's per-user data folder + `Dossier/snapshots`
 * (`$XDG_DATA_HOME` or `~/.local/share` on Linux, `~/Library/Application
 * Support` on macOS, `%APPDATA%` on Windows).
 */
export function snapshotRoot(options: UserFolderOptions = {}): string {
  const env = options.env ?? process.env;
  if (env.DOSSIER_SNAPSHOTS) return path.resolve(env.DOSSIER_SNAPSHOTS);
  if (options.userData) return path.join(options.userData, 'snapshots');
  return path.join(platformUserFolder('data', options), 'snapshots');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function idFor(date: Date, reason: SnapshotReason): string {
  const iso = date.toISOString(); // 2026-11-29T10:55:00.123Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}-${reason}`;
}

function parseId(id: string): { at: string; reason: SnapshotReason } | undefined {
  const m = ID_PATTERN.exec(id);
  const reason = SnapshotReason.safeParse(m?.[4]);
  if (!m || !reason.success) return undefined;
  const [d, t] = [m[1]!, m[2]!];
  const at = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}.${m[3]}Z`;
  return Number.isNaN(Date.parse(at)) ? undefined : { at, reason: reason.data };
}

/** Why a zip entry's name cannot be restored, or undefined when it is one a snapshot holds. */
function unsafeEntry(name: string): string | undefined {
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split(/[\\/]/).includes('..')) return 'a path leading out of the notebook (..)';
  if (name !== MANIFEST_FILE && name !== SNAPSHOT_INDEX && !RECORD_ENTRY.test(name)) return 'not a notebook file';
  return undefined;
}

/** The files of a notebook a snapshot holds, by their path inside it (forward slashes). */
async function notebookFiles(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const readRegular = async (rel: string) => {
    const file = path.join(dir, rel);
    // A link is never followed (the notebook's own rule): only regular files go in.
    if (!(await lstat(file)).isFile()) return;
    files.set(rel.split(path.sep).join('/'), await readFile(file));
  };
  await readRegular(MANIFEST_FILE);
  for (const folder of RECORD_DIRS) {
    const names = await readdir(path.join(dir, folder)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (RECORD_ENTRY.test(`${folder}/${name}`)) await readRegular(path.join(folder, name));
    }
  }
  return files;
}

/**
 * The zip of `files`, one file at a time with a turn of the event loop between
 * them: a big notebook must not freeze the app's main process while it is zipped.
 */
async function zipFiles(files: Map<string, Uint8Array>, mtime: Date): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const [name, bytes] of files) {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(bytes, true);
    await new Promise((resolve) => setImmediate(resolve));
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** The snapshots of one notebook: its folder under the root, named by the notebook's id. */
export class NotebookSnapshots {
  readonly folder: string;

  constructor(
    root: string,
    notebookId: string,
    private readonly notebookDir: string,
  ) {
    this.folder = path.join(root, notebookId.replace(/[^A-Za-z0-9_-]/g, '_') || 'notebook');
  }

  /** Newest first. */
  async list(): Promise<SnapshotInfo[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const out: SnapshotInfo[] = [];
    for (const name of names) {
      if (!name.endsWith('.zip')) continue;
      const id = name.slice(0, -'.zip'.length);
      const parsed = parseId(id);
      if (!parsed) continue;
      const info = await stat(path.join(this.folder, name)).catch(() => undefined);
      if (info?.isFile()) out.push({ id, ...parsed, bytes: info.size });
    }
    return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /** Zips the notebook's files into a new snapshot, then rotates. `now` for tests. */
  async take(reason: SnapshotReason, now = new Date()): Promise<SnapshotInfo> {
    const files = await notebookFiles(this.notebookDir);
    if (!files.has(MANIFEST_FILE)) throw DossierError.of('not-found', 'snapshots.notebookHasNotebookJson');
    const hashes: Record<string, string> = {};
    for (const [name, bytes] of files) hashes[name] = sha256(bytes);
    let id = idFor(now, reason);
    const taken = new Set((await this.list()).map((s) => s.id));
    for (let ms = now.getTime() + 1; taken.has(id); ms++) id = idFor(new Date(ms), reason);
    files.set(
      SNAPSHOT_INDEX,
      new TextEncoder().encode(JSON.stringify({ takenAt: now.toISOString(), reason, files: hashes }, null, 1)),
    );
    const zip = await zipFiles(files, now);
    await mkdir(this.folder, { recursive: true });
    await writeFileDurably(path.join(this.folder, `${id}.zip`), zip);
    await this.rotate(now);
    return { id, ...parseId(id)!, bytes: zip.byteLength };
  }

  /**
   * Deletes the snapshots rotation no longer keeps: all but the newest
   * KEEP_RECENT, except the newest of each of the last KEEP_DAYS days.
   */
  async rotate(now = new Date()): Promise<void> {
    const all = await this.list();
    const keep = new Set(all.slice(0, KEEP_RECENT).map((s) => s.id));
    const oldest = now.getTime() - KEEP_DAYS * 24 * 3600 * 1000;
    const days = new Set<string>();
    for (const s of all) {
      const day = s.at.slice(0, 10);
      if (Date.parse(s.at) < oldest || days.has(day)) continue;
      days.add(day);
      keep.add(s.id);
    }
    for (const s of all) if (!keep.has(s.id)) await rm(path.join(this.folder, `${s.id}.zip`), { force: true });
  }

  /**
   * The files of a snapshot, checked whole before anything is written: a zip
   * that cannot be read, an entry outside the notebook (`..`, an absolute
   * path), a missing or altered file is refused with a message saying so.
   */
  async read(id: string): Promise<Map<string, Uint8Array>> {
    if (!parseId(id)) throw DossierError.of('invalid-input', 'snapshots.snapshotId', { id });
    let zip: Uint8Array;
    try {
      zip = await readFile(path.join(this.folder, `${id}.zip`));
    } catch {
      throw DossierError.of('not-found', 'snapshots.thereSnapshotNotebook', { id });
    }
    const damaged = (why: string) => DossierError.of('corrupt', 'snapshots.snapshotDamagedNothingWas', { id, why });
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(zip);
    } catch (err) {
      throw damaged(`not a readable zip: ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const name of Object.keys(entries)) {
      const why = unsafeEntry(name);
      if (why) throw DossierError.of('corrupt', 'snapshots.snapshotHoldsNothingWas', { id, name, why });
    }
    let index: { files?: Record<string, string> };
    try {
      index = JSON.parse(new TextDecoder().decode(entries[SNAPSHOT_INDEX])) as typeof index;
    } catch {
      throw damaged(`no readable ${SNAPSHOT_INDEX}`);
    }
    const listed = index.files ?? {};
    const files = new Map<string, Uint8Array>();
    for (const [name, hash] of Object.entries(listed)) {
      const bytes = entries[name];
      if (unsafeEntry(name) || name === SNAPSHOT_INDEX) throw damaged(`its index names "${name}"`);
      if (!bytes) throw damaged(`${name} is missing`);
      if (sha256(bytes) !== hash) throw damaged(`${name} does not match its checksum`);
      files.set(name, bytes);
    }
    for (const name of Object.keys(entries)) {
      if (name !== SNAPSHOT_INDEX && !files.has(name)) throw damaged(`${name} is not in its index`);
    }
    if (!files.has(MANIFEST_FILE)) throw damaged(`${MANIFEST_FILE} is missing`);
    return files;
  }
}

/**
 * Writes a snapshot's files over the notebook's, each atomically (the
 * durable, no-follow writer), then removes the source and brief files the
 * snapshot does not hold (a snapshot from before briefs had files holds them
 * in its manifest, and opening the notebook moves them out again). Sources
 * and briefs first, the manifest last: an interruption leaves the old
 * manifest listing files that are all there.
 */
export async function writeSnapshotFiles(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  for (const folder of RECORD_DIRS) await mkdir(path.join(dir, folder), { recursive: true });
  const ordered = [...files.keys()].sort((a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE));
  for (const name of ordered) await writeFileDurably(path.join(dir, ...name.split('/')), files.get(name)!);
  for (const folder of RECORD_DIRS)
    for (const name of await readdir(path.join(dir, folder))) {
      const rel = `${folder}/${name}`;
      if (RECORD_ENTRY.test(rel) && !files.has(rel)) await rm(path.join(dir, folder, name), { force: true });
    }
}
