// @vitest-environment jsdom
// The list imports its stylesheets, modules only Vite's types declare.
/// <reference types="vite/client" />
/**
 * The window's first reads (renderer/src/app/first-reads.ts, React in jsdom,
 * main stood in for): the notebook's summary and the sources list's first
 * page are asked for as soon as the module runs — before the translator has
 * its words and before anything renders — and the list, once rendered, uses
 * that very page instead of asking again. A list that opened on another view
 * than the one read ahead would ask twice.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import type { SourceMeta } from '../../../shared/model';

const asked: Array<{ method: string; input: unknown }> = [];
const source = (i: number): SourceMeta => ({
  id: `src_${i}`,
  title: `Fictional report ${i}`,
  language: 'en',
  importedAt: '2026-01-01T00:00:00.000Z',
  origin: { kind: 'paste', sha256: '0'.repeat(64) },
});
const answers: Record<string, (input: { offset?: number; limit?: number }) => unknown> = {
  getNotebook: () => ({ title: 'Reports', sourceCount: 300, readOnly: false, statuses: [] }),
  listSourcePage: ({ offset = 0, limit = 100 }) => ({
    total: 300,
    offset,
    items: Array.from({ length: limit }, (_, i) => source(offset + i)),
  }),
};
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
(window as unknown as { dossier: unknown }).dossier = new Proxy(
  { onEvent: (_listener: (event: ApiEvent) => void) => () => undefined },
  {
    get(target, method: string) {
      if (method === 'onEvent') return target.onEvent;
      return async (input: { offset?: number }) => {
        asked.push({ method, input });
        return { ok: true, value: answers[method]?.(input) ?? null };
      };
    },
  },
);

it('asks for the summary and the first page before any render, and the list uses that page', async () => {
  const { queryClient } = await import('../../../renderer/src/app/first-reads');
  expect(asked).toEqual([
    { method: 'getNotebook', input: {} },
    { method: 'listSourcePage', input: { sort: 'imported', filter: '', offset: 0, limit: 100 } },
  ]);

  await import('../../../renderer/src/i18n');
  const { SourceList } = await import('../../../renderer/src/sources/SourceList');
  const { NoticesProvider } = await import('../../../renderer/src/ui/notices');
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => {
    root.render(
      createElement(
        QueryClientProvider,
        { client: queryClient },
        createElement(NoticesProvider, null, createElement(SourceList, { selectedId: null, onSelect: () => {} })),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  expect(host.querySelector('[role="listbox"]')).not.toBeNull();
  expect(asked.filter((a) => a.method === 'listSourcePage')).toHaveLength(1);
  act(() => root.unmount());
});
