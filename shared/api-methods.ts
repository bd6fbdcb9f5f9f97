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
export const HISTORY_METHODS = ['undo', 'redo', 'getHistory'] as const;
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
  'resolveCitations',
  'listClaims',
] as const;

/** Editing sources after import: cancel a running import, restore removed text, correct metadata. */
export const SOURCE_METHODS = ['cancelImport', 'restoreRemoved', 'removeParagraph', 'updateSourceMeta'] as const;

/** Search and corroboration. */
export const SEARCH_METHODS = [
  'search',
  'searchStatus',
  'corroborate',
  'acceptCorroboration',
  'listRelations',
  'deleteRelation',
  'getClaimGroup',
] as const;

/** Every method, area by area. An area adds its list here and its schemas in shared/api/. */
export const API_METHODS = [
  ...NOTEBOOK_METHODS,
  ...HISTORY_METHODS,
  ...ANNOTATION_METHODS,
  ...ACTOR_METHODS,
  ...BRIEF_METHODS,
  ...SOURCE_METHODS,
  ...SEARCH_METHODS,
] as const;

export type MethodName = (typeof API_METHODS)[number];

export const API_CHANNEL_PREFIX = 'dossier:';
/** Channel on which main pushes ApiEvent objects to the renderer. */
export const API_EVENT_CHANNEL = 'dossier:event';
