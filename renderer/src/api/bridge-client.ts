/**
 * The browser binding of the typed API: the same shape as Electron's
 * `window.dossier`, over the loopback bridge (main/services/bridge).
 * One function per name in RENDERER_METHODS (no method that takes a path),
 * each `POST /api/<method>`, and
 * `onEvent` through Server-Sent Events on `/api/events`.
 *
 * Kept free of DOM-only types (fetch and EventSource are passed in) so that
 * it also runs in Node for the bridge's tests.
 */
import i18next from 'i18next';
import type { ApiEvent, DossierApi } from '../../../shared/api';
import { RENDERER_METHODS } from '../../../shared/api-methods';
import type { Result } from '../../../shared/errors';
import { fromWire, toWire } from '../../../shared/wire';

/** The part of the fetch Response the client reads. */
interface FetchResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}
type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<FetchResponse>;

/** Opens an event stream (in the browser: an EventSource) and hands each message's data to `onData`. */
export type EventSourceFactory = (url: string, onData: (data: string) => void) => { close(): void };

export interface BridgeClientOptions {
  /** Base URL of the bridge, e.g. "" (same origin) or "http://127.0.0.1:4000". */
  baseUrl?: string;
  fetch: FetchLike;
  eventSource?: EventSourceFactory;
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } };
}

export function createBridgeClient(options: BridgeClientOptions): DossierApi {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: { close(): void } | null = null;

  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    let response: FetchResponse;
    try {
      response = await options.fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: toWire(input ?? {}),
      });
    } catch {
      return failure(i18next.t('ui:bridge.unreachable', { command: 'npm run dev:web' }));
    }
    const text = await response.text();
    if (!response.ok) return failure(text.trim() || i18next.t('ui:bridge.status', { status: response.status }));
    try {
      return fromWire(text) as Result<unknown>;
    } catch {
      return failure(i18next.t('ui:bridge.unreadable'));
    }
  };

  const ensureStream = () => {
    if (source || !options.eventSource) return;
    source = options.eventSource(`${base}/api/events`, (data) => {
      let event: ApiEvent;
      try {
        event = fromWire(data) as ApiEvent;
      } catch {
        return;
      }
      for (const listener of [...listeners]) listener(event);
    });
  };

  const api: Record<string, unknown> = {
    onEvent(listener: (event: ApiEvent) => void) {
      listeners.add(listener);
      ensureStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
  for (const method of RENDERER_METHODS) api[method] = (input: unknown) => call(method, input);
  return api as DossierApi;
}
