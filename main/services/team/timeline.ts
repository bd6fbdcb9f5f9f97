/**
 * The shared timeline of a notebook under git (docs/team.md): its commits,
 * newest first (who, when, and what — a sync's message lists the undo labels
 * of its changes), what one commit changed in the sources and briefs, and a
 * source or brief as it was at a commit, read from git's objects and checked
 * with the store's schemas (so a restored state is one the store accepts).
 */
import { DossierError } from '../../../shared/errors';
import type { z } from 'zod';
import { Brief, BriefFile, NotebookManifest, SCHEMA_VERSION, SourceFile } from '../../../shared/model';
import { sameJson } from '../../../shared/json-doc';
import type { TimelineCommit, TimelineTouch } from '../../../shared/api/team';
import { MIGRATIONS, type Migration } from '../store/migrations';
import { migrateAndValidate } from '../store/validate-file';
import { UnreadableFileError } from '../store/atomic-json-file';
import { fs, git, isRepo, readText, resolve, treeFiles } from './git-repo';

const MANIFEST = 'notebook.json';
const sourcePath = (id: string) => `sources/${id}.json`;
const SOURCE_FILE = /^sources\/([^/]+)\.json$/;
const briefPath = (id: string) => `briefs/${id}.json`;
const BRIEF_FILE = /^briefs\/([A-Za-z0-9_-]+)\.json$/;

type ReadCommit = Awaited<ReturnType<typeof git.readCommit>>;

function describe(c: ReadCommit): TimelineCommit {
  const { message, author, parent } = c.commit;
  const lines = message.trim().split('\n');
  return {
    id: c.oid,
    parents: parent,
    author: { name: author.name, email: author.email },
    at: new Date(author.timestamp * 1000).toISOString(),
    summary: lines[0] ?? '',
    changes: lines
      .slice(1)
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2)),
  };
}

async function assertShared(dir: string): Promise<void> {
  if (!(await isRepo(dir))) throw DossierError.of('invalid-input', 'team.notShared');
}

/** The commits, newest first: `limit` of them after skipping `offset`. */
export async function listTimeline(
  dir: string,
  { offset, limit }: { offset: number; limit: number },
): Promise<{ commits: TimelineCommit[]; more: boolean }> {
  await assertShared(dir);
  if (!(await resolve('HEAD', { dir }))) return { commits: [], more: false };
  const log = await git.log({ fs, dir, ref: 'HEAD', depth: offset + limit + 1 });
  return { commits: log.slice(offset, offset + limit).map(describe), more: log.length > offset + limit };
}

/** A commit named by its id or an abbreviation of it. */
async function readCommit(dir: string, ref: string): Promise<ReadCommit> {
  await assertShared(dir);
  try {
    const oid = ref.length === 40 ? ref.toLowerCase() : await git.expandOid({ fs, dir, oid: ref.toLowerCase() });
    return await git.readCommit({ fs, dir, oid });
  } catch {
    throw DossierError.of('not-found', 'team.noCommit', { commit: ref });
  }
}

/** A JSON file of a commit, brought to this version's format and validated as the store would. */
async function validated<S extends z.ZodType>(
  commit: string,
  file: string,
  text: string,
  schema: S,
  kind: Migration['file'],
): Promise<z.output<S>> {
  try {
    const raw = JSON.parse(text) as unknown;
    return await migrateAndValidate(raw, file, schema, SCHEMA_VERSION, MIGRATIONS, kind, { keepOriginal: false });
  } catch (err) {
    const reason = err instanceof UnreadableFileError ? err.detail : (err as Error).message;
    throw DossierError.of('invalid-input', 'team.unreadableInCommit', { file, commit: commit.slice(0, 7), reason });
  }
}

type BriefSeen = { title: string; raw: unknown };

/** A brief record as read leniently (the touched list names what it can; only a restore needs it valid). */
function briefSeen(b: { id?: unknown; title?: unknown } | undefined): BriefSeen | undefined {
  if (typeof b?.id !== 'string') return undefined;
  return { title: typeof b.title === 'string' ? b.title : b.id, raw: b };
}

/** The briefs a manifest holds (a notebook written before briefs had files of their own). */
function briefsOf(text: string | undefined): Map<string, BriefSeen> {
  const briefs = new Map<string, BriefSeen>();
  if (!text) return briefs;
  try {
    const m = JSON.parse(text) as { briefs?: Array<{ id?: unknown; title?: unknown }> };
    for (const b of m.briefs ?? []) {
      const seen = briefSeen(b);
      if (seen) briefs.set(b.id as string, seen);
    }
  } catch {
    // An unreadable manifest touched nothing we can name.
  }
  return briefs;
}

/** A brief file's brief, leniently. */
function briefInFile(text: string | undefined): BriefSeen | undefined {
  try {
    return text === undefined ? undefined : briefSeen((JSON.parse(text) as { brief?: { id?: unknown } }).brief);
  } catch {
    return undefined;
  }
}

function titleOfSource(text: string | undefined, id: string): string {
  try {
    const title = (JSON.parse(text ?? '') as { source?: { title?: unknown } }).source?.title;
    return typeof title === 'string' ? title : id;
  } catch {
    return id;
  }
}

/** A commit and what it changed in the sources and briefs, compared with its first parent. */
export async function timelineCommit(
  dir: string,
  ref: string,
): Promise<{ commit: TimelineCommit; touched: TimelineTouch[] }> {
  const c = await readCommit(dir, ref);
  const [now, before] = await Promise.all([treeFiles(dir, c.oid), treeFiles(dir, c.commit.parent[0])]);
  const change = (was: unknown, is: unknown): TimelineTouch['change'] =>
    was === undefined ? 'added' : is === undefined ? 'removed' : 'changed';
  const touched: TimelineTouch[] = [];
  for (const file of [...new Set([...before.keys(), ...now.keys()])].sort()) {
    const id = SOURCE_FILE.exec(file)?.[1];
    if (!id || before.get(file) === now.get(file)) continue;
    const kind = change(before.get(file), now.get(file));
    const text = await readText(dir, now.get(file) ?? before.get(file));
    touched.push({ kind: 'source', id, title: titleOfSource(text, id), change: kind });
  }
  // Briefs: their own files, and (in notebooks written before those) the manifest. A brief moved
  // from the manifest into its file unchanged is not a change.
  const ids = new Set<string>();
  for (const file of new Set([...before.keys(), ...now.keys()])) {
    const id = BRIEF_FILE.exec(file)?.[1];
    if (id && before.get(file) !== now.get(file)) ids.add(id);
  }
  let [legacyWas, legacyIs] = [new Map<string, BriefSeen>(), new Map<string, BriefSeen>()];
  if (before.get(MANIFEST) !== now.get(MANIFEST)) {
    const [was, is] = await Promise.all([readText(dir, before.get(MANIFEST)), readText(dir, now.get(MANIFEST))]);
    [legacyWas, legacyIs] = [briefsOf(was), briefsOf(is)];
    for (const id of [...legacyWas.keys(), ...legacyIs.keys()]) ids.add(id);
  }
  for (const id of [...ids].sort()) {
    const [x, y] = await Promise.all([
      readText(dir, before.get(briefPath(id))).then((t) => briefInFile(t) ?? legacyWas.get(id)),
      readText(dir, now.get(briefPath(id))).then((t) => briefInFile(t) ?? legacyIs.get(id)),
    ]);
    if ((x && y && sameJson(x.raw, y.raw)) || (!x && !y)) continue;
    touched.push({ kind: 'brief', id, title: (y ?? x)!.title, change: change(x, y) });
  }
  return { commit: describe(c), touched };
}

/** A source or a brief as it was at a commit, with who made that commit and when. */
export async function timelineState(
  dir: string,
  ref: string,
  kind: 'source' | 'brief',
  id: string,
): Promise<{ state: SourceFile | Brief; commit: TimelineCommit }> {
  const c = await readCommit(dir, ref);
  const short = c.oid.slice(0, 7);
  const files = await treeFiles(dir, c.oid);
  if (kind === 'source') {
    const text = await readText(dir, SOURCE_FILE.test(sourcePath(id)) ? files.get(sourcePath(id)) : undefined);
    if (text === undefined) throw DossierError.of('not-found', 'team.sourceNotInCommit', { id, commit: short });
    const file = await validated(short, sourcePath(id), text, SourceFile, 'source');
    if (file.source.id !== id) throw DossierError.of('not-found', 'team.sourceNotInCommit', { id, commit: short });
    return { state: file, commit: describe(c) };
  }
  const inFile = await readText(dir, BRIEF_FILE.test(briefPath(id)) ? files.get(briefPath(id)) : undefined);
  if (inFile !== undefined) {
    const file = await validated(short, briefPath(id), inFile, BriefFile, 'brief');
    if (file.brief.id !== id) throw DossierError.of('not-found', 'team.briefNotInCommit', { id, commit: short });
    return { state: file.brief, commit: describe(c) };
  }
  // A commit from before briefs had files of their own: the manifest holds them.
  const text = await readText(dir, files.get(MANIFEST));
  if (text === undefined) throw DossierError.of('not-found', 'team.briefNotInCommit', { id, commit: short });
  const manifest = await validated(short, MANIFEST, text, NotebookManifest, 'manifest');
  const brief = manifest.briefs?.find((b) => b.id === id);
  if (!brief) throw DossierError.of('not-found', 'team.briefNotInCommit', { id, commit: short });
  return { state: Brief.parse(brief), commit: describe(c) };
}
