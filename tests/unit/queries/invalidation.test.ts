// @vitest-environment jsdom
/**
 * The renderer's query layer against the real services: `window.dossier` is
 * backed by a notebook session (every API call counted), its change events
 * drive `connectInvalidation`, and active TanStack queries stand for what the
 * panes show. Proves which reads each kind of change refetches.
 */
import path from 'node:path';
import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import {
  apiSchemas,
  emptyChangeSet,
  type ApiEvent,
  type ApiInput,
  type MethodName,
  type NotebookChangedEvent,
  type RendererMethodName,
} from '../../../shared/api';
import { call } from '../../../renderer/src/api';
import { invalidates, ownOrigin } from '../../../renderer/src/api/invalidation';
import { apiQueryKey, connectInvalidation, createQueryClient } from '../../../renderer/src/api/queries';
import { tempDir } from '../../helpers/temp-dir';

let session: NotebookSession;
let cleanup: () => Promise<void>;
let client: QueryClient;
let disconnect: () => void;
const calls: string[] = [];
const stops: Array<() => void> = [];
let sourceId = '';
let otherSourceId = '';
let briefId = '';
let annotationId = '';

const countOf = (method: string) => calls.filter((c) => c === method).length;

/** Resolves after the next notebook-changed event and the refetches it started. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50 && client.isFetching() === 0; i++) await new Promise((r) => setTimeout(r, 5));
  while (client.isFetching() > 0) await new Promise((r) => setTimeout(r, 5));
}

function watch<M extends RendererMethodName>(method: M, input: ApiInput<M>): void {
  const observer = new QueryObserver(client, {
    queryKey: apiQueryKey(method, input),
    queryFn: () => call(method, input),
  });
  stops.push(observer.subscribe(() => undefined));
}

beforeAll(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  session = await openNotebookSession(path.join(t.dir, 'queries.dossier'));
  const service = session.service as unknown as Record<MethodName, (input: unknown) => Promise<unknown>>;
  (window as unknown as { dossier: unknown }).dossier = new Proxy(
    {
      onEvent: (listener: (event: ApiEvent) => void) => session.onEvent(listener),
    },
    {
      get(target, name: string) {
        if (name in target) return target[name as keyof typeof target];
        return async (input: unknown) => {
          calls.push(name);
          try {
            return {
              ok: true,
              value: await service[name as MethodName](apiSchemas[name as MethodName].input.parse(input)),
            };
          } catch (err) {
            return { ok: false, error: { code: 'internal', message: (err as Error).message } };
          }
        };
      },
    },
  );
  // (Text, not bytes: jsdom's Uint8Array is not the services' one.)
  const text = (title: string) => `${title}\n\nMinister Anna Lindqvist said the harbour accord holds, says ${title}.`;
  sourceId = (await call('importText', { text: text('Alpha'), name: 'a.txt' })).added[0]!.id;
  otherSourceId = (await call('importText', { text: text('Beta'), name: 'b.txt' })).added[0]!.id;
  annotationId = (await call('createAnnotation', { sourceId, kind: 'claim', start: 0, end: 5 })).id;
  briefId = (await call('createBrief', { title: 'Accord' })).id;

  client = createQueryClient();
  disconnect = connectInvalidation(client);
  // What the panes would show: the notebook, the source list, two sources, the briefs, the open brief.
  watch('getNotebook', {});
  watch('listSources', {});
  watch('getSource', { id: sourceId });
  watch('getSource', { id: otherSourceId });
  watch('listBriefs', {});
  watch('getBrief', { id: briefId });
  watch('listActors', {});
  await settle();
});

afterAll(async () => {
  for (const stop of stops) stop();
  disconnect?.();
  client?.clear();
  await session?.close();
  await cleanup?.();
});

beforeEach(() => {
  calls.length = 0;
});

describe('invalidation by change sets', () => {
  it("the brief editor's own autosave refetches the brief list only: no source, no source list, not the open brief", async () => {
    const doc = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Draft' }] }] };
    await call('updateBrief', { id: briefId, doc, origin: ownOrigin(`brief:${briefId}`) });
    await settle();
    expect(calls.filter((c) => c !== 'updateBrief').sort()).toEqual(['listBriefs']);
  });

  it('an undo of that autosave (no origin) reloads the open brief', async () => {
    await call('undo', {});
    await settle();
    expect(countOf('getBrief')).toBe(1);
    expect(countOf('getSource')).toBe(0);
    expect(countOf('listSources')).toBe(0);
  });

  it('an annotation edit refetches only the source it touched', async () => {
    await call('updateAnnotation', { sourceId, id: annotationId, patch: { status: 'disputed' } });
    await settle();
    expect(calls.filter((c) => c !== 'updateAnnotation')).toEqual(['getSource']);
    const fresh = client.getQueryData(apiQueryKey('getSource', { id: sourceId }));
    expect((fresh as { annotations: Array<{ status?: string }> }).annotations[0]!.status).toBe('disputed');
  });

  it('an actor rename refetches the actors, not the sources', async () => {
    await call('createActor', { name: 'Anna Lindqvist' });
    await settle();
    expect(calls.filter((c) => c !== 'createActor')).toEqual(['listActors']);
  });

  it('undo of an import refetches the notebook and the source list', async () => {
    const { added } = await call('importText', { text: 'Gamma\n\nA third fictional article about the harbour.' });
    await settle();
    expect(countOf('listSources')).toBe(1);
    calls.length = 0;
    await call('undo', {});
    await settle();
    expect(calls.filter((c) => c !== 'undo').sort()).toEqual(['getNotebook', 'listSources']);
    expect(
      (client.getQueryData(apiQueryKey('listSources', {})) as Array<{ id: string }>).map((s) => s.id),
    ).not.toContain(added[0]!.id);
  });

  it('a change of settings (the language) refetches the notebook info, whose problem main words, and nothing else', async () => {
    await call('updateSettings', { language: 'sv' });
    await settle();
    expect(calls.filter((c) => c !== 'updateSettings')).toEqual(['getNotebook']);
    await call('updateSettings', { language: 'en' });
    await settle();
  });
});

describe('the invalidation map', () => {
  const changed = (
    changes: Partial<NotebookChangedEvent['changes']>,
    extra: Partial<NotebookChangedEvent> = {},
  ): NotebookChangedEvent => ({
    type: 'notebook-changed',
    reason: 'edit',
    changes: { ...emptyChangeSet(), ...changes },
    ...extra,
  });

  it('an event without a change set (a notebook opened) makes every read stale', () => {
    const opened: NotebookChangedEvent = { type: 'notebook-changed', reason: 'opened' };
    expect(invalidates(opened, 'listSources', {})).toBe(true);
    expect(invalidates(opened, 'getBrief', { id: 'brf_1' })).toBe(true);
  });

  it('reads a source by id only when that source changed; the whole list only when a source came or went', () => {
    const annotationOnly = changed({ sources: [{ id: 'src_a', kind: 'updated', metadata: false }] });
    expect(invalidates(annotationOnly, 'getSource', { id: 'src_a' })).toBe(true);
    expect(invalidates(annotationOnly, 'getSource', { id: 'src_b' })).toBe(false);
    expect(invalidates(annotationOnly, 'listSources', {})).toBe(false);
    // A listing change is patched into the list (source-heads.test.ts); a source added or removed refetches it.
    expect(
      invalidates(changed({ sources: [{ id: 'src_a', kind: 'updated', metadata: true }] }), 'listSources', {}),
    ).toBe(false);
    expect(invalidates(changed({ sources: [{ id: 'src_a', kind: 'added', metadata: true }] }), 'listSources', {})).toBe(
      true,
    );
  });

  it("skips the open brief for its own editor's write, not for another window's", () => {
    const briefs = [{ id: 'brf_1', kind: 'updated' as const }];
    expect(invalidates(changed({ briefs }, { origin: ownOrigin('brief:brf_1') }), 'getBrief', { id: 'brf_1' })).toBe(
      false,
    );
    expect(
      invalidates(changed({ briefs }, { origin: 'another-window:brief:brf_1' }), 'getBrief', { id: 'brf_1' }),
    ).toBe(true);
    expect(invalidates(changed({ briefs }, { origin: ownOrigin('brief:brf_1') }), 'listBriefs', {})).toBe(true);
  });

  it('a read without a rule is refetched on any change', () => {
    expect(invalidates(changed({ tags: [{ id: 't', kind: 'added' }] }), 'search', { query: 'x' })).toBe(true);
  });
});
