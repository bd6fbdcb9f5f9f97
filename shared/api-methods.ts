/**
 * The names of the API's methods, without zod, so the sandboxed preload can
 * stay tiny. `shared/api.ts` checks at compile time that this list and the
 * schemas agree. Each name becomes one IPC channel `dossier:<name>` and one
 * function on `window.dossier`.
 */
export const API_METHODS = [
  'getNotebook',
  'listSources',
  'getSource',
  'importFiles',
  'importPaths',
  'importText',
  // undo / redo
  'undo',
  'redo',
  'getHistory',
] as const;

export type MethodName = (typeof API_METHODS)[number];

export const API_CHANNEL_PREFIX = 'dossier:';
/** Channel on which main pushes ApiEvent objects to the renderer. */
export const API_EVENT_CHANNEL = 'dossier:event';
