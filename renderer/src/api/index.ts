/**
 * How the renderer reaches main: `window.dossier` from the Electron preload,
 * or — in a plain browser (dev:web, end-to-end tests) — a client with the same
 * shape over the loopback bridge. Components use `call()`, which unwraps the
 * Result and throws a DossierError whose message is meant for the person.
 */
import i18next from 'i18next';
import type { ApiEvent, ApiInput, ApiOutput, DesktopExtras, DossierApi, RendererMethodName } from '../../../shared/api';
import { DossierError, type Result } from '../../../shared/errors';
import { createBridgeClient } from './bridge-client';

/** The API the page holds: the preload's (with the desktop extras) or the bridge client's (without). */
export type DesktopApi = DossierApi & Partial<DesktopExtras>;

let instance: DesktopApi | undefined;

function createBrowserClient(): DesktopApi {
  return createBridgeClient({
    baseUrl: '',
    fetch: (url, init) => window.fetch(url, init),
    eventSource: (url, onData) => {
      const source = new EventSource(url);
      source.onmessage = (event: MessageEvent<string>) => onData(event.data);
      return source;
    },
  });
}

export function getApi(): DesktopApi {
  if (!instance) {
    const injected = (window as unknown as { dossier?: DesktopApi }).dossier;
    instance = injected ?? createBrowserClient();
  }
  return instance;
}

/** True inside the Electron app (the preload provided window.dossier). */
export function isDesktop(): boolean {
  return Boolean((window as unknown as { dossier?: DesktopApi }).dossier);
}

/** The value of a Result, or a DossierError carrying its message. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DossierError(result.error.code, result.error.message);
}

/** Calls an API method; resolves with its value or throws a DossierError. */
export async function call<M extends RendererMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const fn = getApi()[method] as unknown as (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>>;
  return unwrap(await fn(input));
}

export function onApiEvent(listener: (event: ApiEvent) => void): () => void {
  return getApi().onEvent(listener);
}

/** A message a person can read, from anything thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return i18next.t('ui:errors.generic');
}
