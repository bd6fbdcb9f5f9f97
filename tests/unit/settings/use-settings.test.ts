// @vitest-environment jsdom
/**
 * The renderer's settings (React in jsdom, main stood in for): a change shows
 * at once and never snaps back while main saves it, whatever order main's
 * answers and the window's own settings-changed events arrive in; another
 * window's change (an event this window did not cause) is applied.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { DEFAULT_SETTINGS, type SettingsPatch, type UserSettings } from '../../../shared/settings';

const listeners = new Set<(event: ApiEvent) => void>();
/** updateSettings calls main has not answered yet. */
const calls: Array<{ patch: SettingsPatch; answer(settings: UserSettings): void }> = [];

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  (window as unknown as { dossier: unknown }).dossier = {
    onEvent(listener: (event: ApiEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSettings: async () => ({ ok: true, value: DEFAULT_SETTINGS }),
    updateSettings: (patch: SettingsPatch) =>
      new Promise((resolve) => calls.push({ patch, answer: (value) => resolve({ ok: true, value }) })),
  };
});

const { useSettings } = await import('../../../renderer/src/settings/useSettings');
const { createQueryClient } = await import('../../../renderer/src/api/queries');

let root: Root | undefined;
/** Lets the query cache tell its observers (it does so on a timer) and React render. */
const settleDown = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
afterEach(() => act(() => root?.unmount()));

it('shows each change at once and keeps it through late answers and echoes; applies other windows’ changes', async () => {
  let current: ReturnType<typeof useSettings> | undefined;
  function Probe() {
    current = useSettings();
    return null;
  }
  const host = document.createElement('div');
  root = createRoot(host);
  const client = createQueryClient();
  await act(async () => root!.render(createElement(QueryClientProvider, { client }, createElement(Probe))));
  const emit = async (settings: UserSettings) => {
    for (const l of listeners) l({ type: 'settings-changed', settings });
    await settleDown();
  };
  await settleDown();

  let first: Promise<void>;
  let second: Promise<void>;
  await act(async () => {
    first = current!.update({ theme: 'dark' });
  });
  await settleDown();
  expect(current!.settings.theme).toBe('dark');
  await act(async () => {
    second = current!.update({ readerFontSize: 24 });
  });
  await settleDown();
  expect(current!.settings).toMatchObject({ theme: 'dark', readerFontSize: 24 });

  // Main answers the first change (it knows nothing of the second yet), and its event comes late.
  const afterFirst = { ...DEFAULT_SETTINGS, theme: 'dark' as const };
  await act(async () => {
    calls[0]!.answer(afterFirst);
    await first!;
  });
  await settleDown();
  expect(current!.settings).toMatchObject({ theme: 'dark', readerFontSize: 24 });
  const afterSecond = { ...afterFirst, readerFontSize: 24 };
  await act(async () => {
    calls[1]!.answer(afterSecond);
    await second!;
  });
  await settleDown();
  await emit(afterFirst);
  expect(current!.settings).toMatchObject({ theme: 'dark', readerFontSize: 24 });
  await emit(afterSecond);
  expect(current!.settings).toMatchObject({ theme: 'dark', readerFontSize: 24 });

  // Another window (or the CLI) changes a setting: this window follows.
  await emit({ ...afterSecond, theme: 'light' });
  expect(current!.settings).toMatchObject({ theme: 'light', readerFontSize: 24 });
});
