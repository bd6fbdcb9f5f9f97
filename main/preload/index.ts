/**
 * The preload of the Dossier window (sandboxed, bundled to one CJS file).
 * Exposes `window.dossier` (see ./api.ts) through the context bridge; the
 * page never sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDossierApi } from './api';

contextBridge.exposeInMainWorld(
  'dossier',
  createDossierApi(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
