/**
 * The record-level three-way merge of a notebook's files (docs/team.md):
 * `notebook.json`, each `sources/<id>.json` and each `briefs/<id>.json`, given the texts of base, ours
 * and theirs (absent: the file did not exist there). The conflicts found are
 * added to the manifest's `conflicts`, which merges by conflict id.
 * Pure functions: the git merge driver and sync call them with file texts.
 *
 * A source's text never merges character by character: it is one value.
 * After a merge every annotation whose quote no longer stands at its
 * position is re-anchored in the merged text through its quote (the
 * project's anchoring); one that cannot be found keeps its target (an orphan,
 * as the reader shows it). The merged files always validate with the store's
 * schemas; a file that would not is kept as ours, with one conflict on the
 * whole file.
 */
import { anchorTarget, describeTarget } from '../../../../shared/anchoring';
import { DossierError } from '../../../../shared/errors';
import { BriefFile, NotebookManifest, SourceFile, type Annotation } from '../../../../shared/model';
import { conflictId, type Conflict } from '../../../../shared/team/conflicts';
import { setAtPath } from './resolve';
import { atom, doc, latest, merge3, object, records, set, type RawConflict, type Shape } from './json-merge';

export const MANIFEST = 'notebook.json';
export { conflictId };

/** How notebook.json merges. */
export const MANIFEST_SHAPE: Shape = object({
  statuses: set,
  actors: records(object({ aliases: set, memberOf: set })),
  tags: records(object()),
  // Only in notebooks written before briefs had files of their own.
  briefs: records(object({ doc, updatedAt: latest })),
  relations: records(object()),
  rejectedSuggestions: set,
  factCheck: object({
    organisation: object(),
    scale: object(),
    ratings: { kind: 'object' },
  }),
  deletedSources: records(object({ annotationIds: set })),
  sources: records(object({ origin: object() })),
});

/** How briefs/<id>.json merges: by field, the document by top-level block. */
export const BRIEF_SHAPE: Shape = object({ brief: object({ doc, updatedAt: latest }) });

/** How sources/<id>.json merges: the text whole, annotations by id and field. */
export const SOURCE_SHAPE: Shape = object({
  source: object({ text: atom, removed: atom, origin: object() }),
  annotations: records(
    object({
      target: atom,
      tagIds: set,
      actors: records(object(), 'actorId', (r) => (typeof r.actorId === 'string' ? r.actorId : undefined)),
      note: doc,
      updatedAt: latest,
    }),
    'id',
    (r) => (r.target as { exact?: string } | undefined)?.exact?.slice(0, 40),
  ),
});

export interface MergeWho {
  /** Who made our side's changes ("Name <e-mail>"), when known. */
  oursBy?: string;
  theirsBy?: string;
  /** When the merge ran (ISO 8601); stamped on the conflicts it finds. */
  at?: string;
}

/** A file's three texts; `undefined` = the file is absent on that side. */
export interface FileVersions {
  base?: string;
  ours?: string;
  theirs?: string;
}

export interface FileMergeResult {
  /** The merged text, or undefined when the merged notebook has no such file. */
  text?: string;
  conflicts: Conflict[];
}

/** The text Dossier writes a JSON file as (one-space indentation, final newline). */
export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

function toConflict(file: string, raw: RawConflict, who: MergeWho): Conflict {
  // A copy: the merged value shares records with the conflict, and re-anchoring changes them.
  raw = structuredClone(raw);
  return {
    id: conflictId(file, raw.path),
    file,
    path: raw.path,
    label: [file, ...raw.label].join(' › '),
    ...(raw.base !== undefined ? { base: raw.base } : {}),
    ...(raw.ours !== undefined ? { ours: raw.ours } : {}),
    ...(raw.theirs !== undefined ? { theirs: raw.theirs } : {}),
    ...(who.oursBy ? { oursBy: who.oursBy } : {}),
    ...(who.theirsBy ? { theirsBy: who.theirsBy } : {}),
    ...(who.at ? { at: who.at } : {}),
  };
}

const parse = (text: string | undefined): unknown => (text === undefined ? undefined : JSON.parse(text));

/** The shape and schema of a notebook file by its path in the folder, or undefined for a file Dossier does not merge. */
export function fileKind(
  file: string,
): { shape: Shape; schema: typeof NotebookManifest | typeof SourceFile | typeof BriefFile } | undefined {
  if (file === MANIFEST) return { shape: MANIFEST_SHAPE, schema: NotebookManifest };
  if (/^sources\/[A-Za-z0-9_-]+\.json$/.test(file)) return { shape: SOURCE_SHAPE, schema: SourceFile };
  if (/^briefs\/[A-Za-z0-9_-]+\.json$/.test(file)) return { shape: BRIEF_SHAPE, schema: BriefFile };
  return undefined;
}

/**
 * Merges one notebook file (notebook.json or a source file) by record and field. The manifest's
 * conflicts merge by id, and gain the ones found here and `found` (those of the source files).
 */
export function mergeNotebookFile(
  file: string,
  v: FileVersions,
  who: MergeWho = {},
  found: readonly Conflict[] = [],
): FileMergeResult {
  const kind = fileKind(file);
  if (!kind) throw DossierError.of('invalid-input', 'team.notNotebookFile', { path: file });
  let base: unknown, ours: unknown, theirs: unknown;
  try {
    [base, ours, theirs] = [parse(v.base), parse(v.ours), parse(v.theirs)];
  } catch {
    return { text: v.ours, conflicts: [] };
  }
  const isManifest = kind.schema === NotebookManifest;
  const lists = [base, ours, theirs].map((x) => (isManifest ? takeConflicts(x) : undefined));
  const raw: RawConflict[] = [];
  let merged = merge3(kind.shape, base, ours, theirs, raw, [], []) as Record<string, unknown> | undefined;
  let conflicts = raw.map((r) => toConflict(file, r, who));
  if (merged !== undefined && kind.schema === SourceFile)
    reanchor(merged as { source: { text: string }; annotations?: Annotation[] });
  if (merged !== undefined && !kind.schema.safeParse(merged).success) {
    // Never an invalid file: ours whole, and one conflict on the file.
    conflicts = [toConflict(file, { path: [], label: [], base, ours, theirs }, who)];
    merged = ours as Record<string, unknown>;
  }
  if (merged === undefined) return { conflicts };
  if (isManifest) {
    const list = mergeConflictLists(lists[0], lists[1], lists[2], [...found, ...conflicts]);
    merged = { ...merged, conflicts: list.length ? list : undefined };
  }
  return { text: v.ours !== undefined && sameText(v.ours, merged) ? v.ours : jsonText(merged), conflicts };
}

/** A manifest's conflicts, taken out of it (so the merge by field leaves them to mergeConflictLists). */
function takeConflicts(manifest: unknown): Conflict[] | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const m = manifest as { conflicts?: Conflict[] };
  const list = m.conflicts;
  delete m.conflicts;
  return list ?? [];
}

const sameText = (text: string, value: unknown) => {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
};

/**
 * A notebook file's value with a conflict resolved: `chosen` put at the conflict's place (undefined:
 * the file is removed), and a source file's annotations re-anchored in its text, which may have changed.
 */
export function resolveInFile(value: unknown, conflict: Conflict, chosen: unknown): unknown {
  const kind = fileKind(conflict.file);
  if (!kind) throw DossierError.of('invalid-input', 'team.notNotebookFile', { path: conflict.file });
  const next = setAtPath(kind.shape, value, conflict.path, chosen);
  if (kind.schema === SourceFile && next !== undefined)
    reanchor(next as { source: { text: string }; annotations?: Annotation[] });
  return next;
}

/**
 * Moves each annotation whose quote no longer stands at its position to where its quote is in the
 * text, and brings every target's context (prefix, suffix) up to date with the text.
 */
export function reanchor(file: { source: { text: string }; annotations?: Annotation[] }): void {
  const text = file.source?.text;
  if (typeof text !== 'string') return;
  for (const a of file.annotations ?? []) {
    const t = a.target;
    if (!t) continue;
    // The quote still stands at its position: only its context is brought up to date.
    const found = text.slice(t.start, t.end) === t.exact ? t : anchorTarget(text, t);
    if (!('status' in found) || found.status !== 'orphan') a.target = describeTarget(text, found.start, found.end);
  }
}

/**
 * Merges lists of conflicts by id — one resolved (removed) on one side is gone, new ones of both
 * sides are kept, one both sides hold differently keeps ours — then adds `found`, sorted by id.
 */
export function mergeConflictLists(
  base: Conflict[] | undefined,
  ours: Conflict[] | undefined,
  theirs: Conflict[] | undefined,
  found: readonly Conflict[],
): Conflict[] {
  const ignored: RawConflict[] = [];
  const merged = (merge3(records(atom), base ?? [], ours ?? [], theirs ?? [], ignored) ?? []) as Conflict[];
  const byId = new Map(merged.map((c) => [c.id, c]));
  for (const c of found) byId.set(c.id, c);
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** A notebook's files on three sides, by path in the folder (notebook.json, sources/<id>.json). */
export type NotebookVersions = ReadonlyMap<string, FileVersions>;

export interface NotebookMergeResult {
  /** Every merged file: its text, or undefined when the merged notebook has none. */
  files: Map<string, string | undefined>;
  /** The conflicts this merge found (the merged manifest lists them, with those it held). */
  conflicts: Conflict[];
}

/**
 * Merges a whole notebook: every source file, then the manifest (which records the conflicts), then
 * makes the manifest's source index agree with the source files the merge kept (a source deleted on
 * one side and annotated on the other stays listed while that conflict lasts).
 */
export function mergeNotebook(given: NotebookVersions, who: MergeWho = {}): NotebookMergeResult {
  const versions = liftLegacyBriefs(given);
  const files = new Map<string, string | undefined>();
  const conflicts: Conflict[] = [];
  for (const [file, v] of versions) {
    if (file === MANIFEST || !fileKind(file)) continue;
    const r = mergeNotebookFile(file, v, who);
    files.set(file, r.text);
    conflicts.push(...r.conflicts);
  }
  const manifest = mergeNotebookFile(MANIFEST, versions.get(MANIFEST) ?? {}, who, conflicts);
  conflicts.push(...manifest.conflicts);
  if (manifest.text !== undefined) files.set(MANIFEST, listKeptSources(manifest.text, files));
  return { files, conflicts };
}

export const briefFileOf = (id: string) => `briefs/${id}.json`;

/**
 * A manifest text without its `briefs` list (a notebook written before briefs had files of their own),
 * and each brief of that list as the text of the file it becomes; undefined when it has no such list.
 */
export function splitLegacyBriefs(
  text: string | undefined,
): { manifest: string; briefs: Map<string, string> } | undefined {
  if (text === undefined) return undefined;
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!Array.isArray(m.briefs)) return undefined;
  const briefs = new Map<string, string>();
  for (const brief of m.briefs as Array<{ id?: unknown }>)
    if (typeof brief?.id === 'string' && /^[A-Za-z0-9_-]+$/.test(brief.id))
      briefs.set(briefFileOf(brief.id), jsonText({ schemaVersion: m.schemaVersion, brief }));
  const { briefs: _moved, ...rest } = m;
  return { manifest: jsonText(rest), briefs };
}

/**
 * The versions with every side's legacy briefs (inside its manifest) turned into the brief files the
 * store moves them into, where that side has no such file: so a brief merges as one file whichever
 * side moved it out, with the manifest's copy as its base. The merged manifest has no `briefs` list.
 */
function liftLegacyBriefs(given: NotebookVersions): NotebookVersions {
  const manifest = given.get(MANIFEST);
  const sides = ['base', 'ours', 'theirs'] as const;
  const split = sides.map((side) => splitLegacyBriefs(manifest?.[side]));
  if (!split.some(Boolean)) return given;
  const versions = new Map(given);
  const lifted: FileVersions = { ...manifest };
  sides.forEach((side, i) => {
    const legacy = split[i];
    if (!legacy) return;
    lifted[side] = legacy.manifest;
    for (const [file, text] of legacy.briefs) {
      const v = { ...versions.get(file) };
      v[side] ??= text;
      versions.set(file, v);
    }
  });
  versions.set(MANIFEST, lifted);
  return versions;
}

/** The manifest with its source index agreeing with the merged source files. */
function listKeptSources(manifestText: string, files: Map<string, string | undefined>): string {
  const manifest = JSON.parse(manifestText) as NotebookManifest;
  const listed = new Set(manifest.sources.map((s) => s.id));
  let changed = false;
  for (const [file, text] of files) {
    const id = /^sources\/(.+)\.json$/.exec(file)?.[1];
    if (!id) continue;
    if (text === undefined && listed.has(id)) {
      manifest.sources = manifest.sources.filter((s) => s.id !== id);
      changed = true;
    } else if (text !== undefined && !listed.has(id)) {
      const { text: _text, removed: _removed, ...meta } = (JSON.parse(text) as SourceFile).source;
      manifest.sources.push(meta);
      changed = true;
    }
  }
  return changed ? jsonText(manifest) : manifestText;
}
