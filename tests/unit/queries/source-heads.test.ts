// @vitest-environment jsdom
/**
 * Source lists patched from change sets (renderer/src/api/source-heads.ts):
 * a change to one source's listing fetches that one head and replaces that
 * one entry in the cached lists; nothing else is fetched or touched. Then the
 * same against the real services through `connectInvalidation`: a rename
 * costs one `getSourceHeads` call, never the whole list.
 */
import path from 'node:path';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
import type { SourcePage } from '../../../shared/api/sources';
import type { SourceMeta } from '../../../shared/model';
import { call } from '../../../renderer/src/api';
import { apiQueryKey, connectInvalidation, createQueryClient } from '../../../renderer/src/api/queries';
import { patchSourceHeads } from '../../../renderer/src/api/source-heads';
import { tempDir } from '../../helpers/temp-dir';

/** Importing the seed sources takes a while on a busy machine (each import is one transaction with its extraction). */
const SEED_TIMEOUT = 90_000;

const head = (n: number, title = `Source ${n}`): SourceMeta => ({
  id: `src_${n}`,
  title,
  language: 'en',
  importedAt: '2026-01-01T00:00:00.000Z',
  origin: { kind: 'file', name: `${n}.txt`, sha256: 'a'.repeat(64) },
});

const renamed = (id: string, extra: Partial<NotebookChangedEvent['changes']> = {}): NotebookChangedEvent => ({
  type: 'notebook-changed',
  reason: 'edit',
  changes: { ...emptyChangeSet(), sources: [{ id, kind: 'updated', metadata: true }], ...extra },
});

const page = (offset: number, items: SourceMeta[]): SourcePage => ({ total: 250, offset, items });
const pageKey = (offset: number, view: { sort?: 'imported' | 'title'; filter?: string } = {}) =>
  apiQueryKey('listSourcePage', { sort: view.sort ?? 'imported', filter: view.filter ?? '', offset, limit: 100 });

describe('patchSourceHeads', () => {
  let client: QueryClient;
  const first = [head(1), head(2), head(3)];
  const second = [head(101), head(102)];
  beforeEach(() => {
    client = new QueryClient();
    client.setQueryData(pageKey(0), page(0, first));
    client.setQueryData(pageKey(100), page(100, second));
    client.setQueryData(apiQueryKey('listSources', {}), [...first, ...second]);
  });

  it('a change to one source fetches only its head and replaces only its entry', async () => {
    const fetchHeads = vi.fn(async (ids: string[]) => ids.map((id) => ({ ...head(2), id, title: 'Renamed' })));
    await patchSourceHeads(client, renamed('src_2'), fetchHeads);
    expect(fetchHeads.mock.calls).toEqual([[['src_2']]]);
    const patched = client.getQueryData<SourcePage>(pageKey(0))!;
    expect(patched.items.map((s) => s.title)).toEqual(['Source 1', 'Renamed', 'Source 3']);
    expect(patched.total).toBe(250);
    // The other entries are the same objects, and a page without the source is left as it was.
    expect(patched.items[0]).toBe(first[0]);
    expect(patched.items[2]).toBe(first[2]);
    expect(client.getQueryData<SourcePage>(pageKey(100))!.items).toBe(second);
    const whole = client.getQueryData<SourceMeta[]>(apiQueryKey('listSources', {}))!;
    expect(whole.map((s) => s.title)).toEqual(['Source 1', 'Renamed', 'Source 3', 'Source 101', 'Source 102']);
  });

  it('fetches nothing for a source no cached list holds, nor for a change of text or annotations only', async () => {
    const fetchHeads = vi.fn(async () => [] as SourceMeta[]);
    await patchSourceHeads(client, renamed('src_999'), fetchHeads);
    await patchSourceHeads(
      client,
      {
        type: 'notebook-changed',
        reason: 'edit',
        changes: { ...emptyChangeSet(), sources: [{ id: 'src_2', kind: 'updated', metadata: false }] },
      },
      fetchHeads,
    );
    expect(fetchHeads).not.toHaveBeenCalled();
  });

  it('leaves a sorted or filtered view to be refetched (the change may move the source), and one fetch serves the rest', async () => {
    const byTitle = page(0, [head(2), head(1)]);
    client.setQueryData(pageKey(0, { sort: 'title' }), byTitle);
    const fetchHeads = vi.fn(async (ids: string[]) => ids.map((id) => ({ ...head(1), id, title: 'Zulu' })));
    await patchSourceHeads(client, renamed('src_1'), fetchHeads);
    expect(fetchHeads).toHaveBeenCalledTimes(1);
    expect(client.getQueryData(pageKey(0, { sort: 'title' }))).toBe(byTitle);
    expect(client.getQueryData<SourcePage>(pageKey(0))!.items[0]!.title).toBe('Zulu');
  });

  it('an added or removed source is no patch: the lists are refetched', async () => {
    const fetchHeads = vi.fn(async () => [] as SourceMeta[]);
    const removed: NotebookChangedEvent = {
      type: 'notebook-changed',
      reason: 'edit',
      changes: { ...emptyChangeSet(), sources: [{ id: 'src_2', kind: 'removed', metadata: true }] },
    };
    await patchSourceHeads(client, removed, fetchHeads);
    expect(fetchHeads).not.toHaveBeenCalled();
  });
});

describe('connectInvalidation against the services', () => {
  let session: NotebookSession;
  let cleanup: () => Promise<void>;
  let client: QueryClient;
  let disconnect: () => void;
  const calls: string[] = [];
  const stops: Array<() => void> = [];
  const ids: string[] = [];
  const input = { sort: 'imported' as const, filter: '', offset: 0, limit: 100 };

  async function settle(): Promise<void> {
    for (let i = 0; i < 50 && client.isFetching() === 0; i++) await new Promise((r) => setTimeout(r, 5));
    while (client.isFetching() > 0) await new Promise((r) => setTimeout(r, 5));
    // The patch's own fetch runs outside the queries.
    await new Promise((r) => setTimeout(r, 30));
  }

  function watch<M extends RendererMethodName>(method: M, value: ApiInput<M>): void {
    const observer = new QueryObserver(client, {
      queryKey: apiQueryKey(method, value),
      queryFn: () => call(method, value),
    });
    stops.push(observer.subscribe(() => undefined));
  }

  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    session = await openNotebookSession(path.join(t.dir, 'heads.dossier'));
    const service = session.service as unknown as Record<MethodName, (input: unknown) => Promise<unknown>>;
    (window as unknown as { dossier: unknown }).dossier = new Proxy(
      { onEvent: (listener: (event: ApiEvent) => void) => session.onEvent(listener) },
      {
        get(target, name: string) {
          if (name in target) return target[name as keyof typeof target];
          return async (value: unknown) => {
            calls.push(name);
            const parsed = apiSchemas[name as MethodName].input.parse(value);
            return { ok: true, value: await service[name as MethodName](parsed) };
          };
        },
      },
    );
    for (const title of ['Alpha', 'Beta', 'Gamma'])
      ids.push((await call('importText', { text: `${title}\n\nA fictional article.`, name: title })).added[0]!.id);
    client = createQueryClient();
    disconnect = connectInvalidation(client);
    watch('getNotebook', {});
    watch('listSourcePage', input);
    watch('getSource', { id: ids[0]! });
    await settle();
  }, SEED_TIMEOUT);

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

  const listedTitles = () =>
    client.getQueryData<SourcePage>(apiQueryKey('listSourcePage', input))!.items.map((s) => s.title);

  it('a rename fetches the one head and patches the page: no page, no whole list', async () => {
    await call('updateSourceMeta', { id: ids[1]!, patch: { title: 'Beta, corrected' } });
    await settle();
    expect(calls.filter((c) => c !== 'updateSourceMeta')).toEqual(['getSourceHeads']);
    expect(listedTitles()).toEqual(['Alpha', 'Beta, corrected', 'Gamma']);
  });

  it('an annotation fetches no source list at all', async () => {
    await call('createAnnotation', { sourceId: ids[0]!, kind: 'claim', start: 0, end: 5 });
    await settle();
    expect(calls.filter((c) => c !== 'createAnnotation')).toEqual(['getSource']);
  });

  it('a source added refetches the page (one page, not the whole list) and the count', async () => {
    await call('importText', { text: 'Delta\n\nA fourth fictional article.', name: 'Delta' });
    await settle();
    expect(calls.filter((c) => c !== 'importText').sort()).toEqual(['getNotebook', 'listSourcePage']);
    expect(listedTitles()).toEqual(['Alpha', 'Beta, corrected', 'Gamma', 'Delta']);
  });
});
