/**
 * The names of the API's methods, without zod, so the sandboxed preload can
 * stay tiny. `shared/api/index.ts` checks at compile time that this list and the
 * schemas agree. Each name becomes one IPC channel `dossier:<name>` and one
 * function on `window.dossier`.
 */
export const NOTEBOOK_METHODS = [
  'getNotebook',
  'listSources',
  'getSource',
  'lookupSource',
  'importFiles',
  'importPaths',
  'importText',
] as const;
export const HISTORY_METHODS = ['undo', 'redo', 'getHistory', 'listHistory', 'goToHistory'] as const;
/** Snapshots of the whole notebook, kept outside it (docs/storage.md). */
export const SNAPSHOT_METHODS = ['listSnapshots', 'takeSnapshot', 'restoreSnapshot'] as const;
export const ANNOTATION_METHODS = [
  'createAnnotation',
  'addClaimByQuote',
  'updateAnnotation',
  'deleteAnnotation',
  'listTags',
  'createTag',
  'updateTag',
  'tagUsage',
  'mergeTags',
  'deleteTag',
  'setStatuses',
  'setFactCheckSettings',
  'lookupTag',
] as const;

export const ACTOR_METHODS = [
  'listActors',
  'createActor',
  'updateActor',
  'actorUsage',
  'mergeActors',
  'deleteActor',
  'suggestActors',
  'acceptSuggestion',
  'rejectSuggestion',
  'sourceMentions',
  'getActorPage',
  'lookupActor',
  'lookupSuggestion',
  'actorOptions',
] as const;

export const BRIEF_METHODS = [
  'listBriefs',
  'getBrief',
  'createBrief',
  'updateBrief',
  'duplicateBrief',
  'deleteBrief',
  'draftBrief',
  'exportBrief',
  'exportBriefToFile',
  'listCitationStyles',
  'addCitationStyle',
  'resolveCitations',
  'listClaims',
] as const;

/** Editing sources after import: cancel a running import, restore removed text, correct metadata, delete. */
export const SOURCE_METHODS = [
  'listSourcePage',
  'getSourceHeads',
  'locateSource',
  'cancelImport',
  'restoreRemoved',
  'removeParagraph',
  'updateSourceMeta',
  'deleteSource',
] as const;

/** Search and corroboration. */
export const SEARCH_METHODS = [
  'search',
  'searchStatus',
  'corroborate',
  'acceptCorroboration',
  'listRelations',
  'deleteRelation',
  'getClaimGroup',
  'createRelation',
  'getAnnotation',
] as const;

/** Exchange formats: W3C Web Annotations, REFI-QDA, references, ClaimReview (docs/interop.md). */
export const INTEROP_METHODS = ['exportInterop', 'exportInteropToFile'] as const;

/** A person's settings (language, theme, reader, author): per user, not in the notebook. */
export const SETTINGS_METHODS = ['getSettings', 'updateSettings'] as const;

/** Checking a notebook folder and repairing what a crash left (`dossier doctor`). */
export const DOCTOR_METHODS = ['checkNotebook', 'repairNotebook'] as const;

/** Team notebooks over git: share, sync, the conflicts a merge kept (docs/team.md). */
export const TEAM_METHODS = [
  'shareNotebook',
  'syncNotebook',
  'getTeamStatus',
  'listConflicts',
  'resolveConflict',
  'listTimeline',
  'getTimelineCommit',
  'getTimelineState',
  'restoreFromTimeline',
] as const;

/** Every method, area by area. An area adds its list here and its schemas in shared/api/. */
export const API_METHODS = [
  ...NOTEBOOK_METHODS,
  ...HISTORY_METHODS,
  ...SNAPSHOT_METHODS,
  ...ANNOTATION_METHODS,
  ...ACTOR_METHODS,
  ...BRIEF_METHODS,
  ...SOURCE_METHODS,
  ...SEARCH_METHODS,
  ...DOCTOR_METHODS,
  ...INTEROP_METHODS,
  ...SETTINGS_METHODS,
  ...TEAM_METHODS,
] as const;

export type MethodName = (typeof API_METHODS)[number];

/**
 * Methods that name a file-system path. Only trusted callers use them: the
 * CLI (the person typed the path) and main itself (after a dialog it showed).
 * The renderer's API — the preload, the IPC handlers and the loopback bridge —
 * never offers them: a page names no path it was not given.
 */
export const TRUSTED_METHODS = [
  'importPaths',
  'exportBriefToFile',
  'exportInteropToFile',
  'shareNotebook',
] as const satisfies readonly MethodName[];
export type TrustedMethodName = (typeof TRUSTED_METHODS)[number];

/** The methods a page may call: every method but the trusted ones. */
export type RendererMethodName = Exclude<MethodName, TrustedMethodName>;

export function isTrustedMethod(name: string): name is TrustedMethodName {
  return (TRUSTED_METHODS as readonly string[]).includes(name);
}

/** The one list the preload, the IPC handlers and the bridge (and its client) serve. */
export const RENDERER_METHODS: readonly RendererMethodName[] = API_METHODS.filter(
  (m): m is RendererMethodName => !isTrustedMethod(m),
);

/**
 * What the desktop app adds to `window.dossier` for files the person chose,
 * each on its own channel `dossier:<name>`, handled in main (never by the
 * bridge): `grantDroppedFiles` turns dropped or picked Files into single-use
 * grant ids (the preload finds their paths; the page never sees one),
 * `importGrants` imports them, `exportBriefWithDialog` asks main to show a
 * save dialog and write the brief there.
 */
export const DESKTOP_METHODS = [
  'grantDroppedFiles',
  'importGrants',
  'exportBriefWithDialog',
  // File › Share notebook… and Open shared notebook…: main picks any folder, keeps a token in the keychain.
  'shareNotebookWithDialog',
  'openSharedNotebookWithDialog',
] as const;
export type DesktopMethodName = (typeof DESKTOP_METHODS)[number];

export const API_CHANNEL_PREFIX = 'dossier:';
/** Channel on which main pushes ApiEvent objects to the renderer. */
export const API_EVENT_CHANNEL = 'dossier:event';
