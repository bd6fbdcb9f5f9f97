/**
 * The brief editor's citation chips: overlapping lookups must not let an older
 * answer overwrite a newer one (a claim changed while its first lookup was in
 * flight would otherwise show its old status).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Pending = { ids: string[]; resolve: (value: unknown[]) => void };
const pending: Pending[] = [];
vi.mock('../../../renderer/src/api', () => ({
  call: (_method: string, input: { annotationIds: string[] }) =>
    new Promise((resolve) => pending.push({ ids: input.annotationIds, resolve })),
}));

const { CitationStore } = await import('../../../renderer/src/briefs/citation-store');

const claim = (id: string, status: string) => ({ annotation: { id, status } }) as never;
const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  pending.length = 0;
});

describe('CitationStore', () => {
  it('batches the ids chips ask for into one lookup', async () => {
    const store = new CitationStore();
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBeUndefined();
    await tick();
    expect(pending.map((p) => p.ids)).toEqual([['a', 'b']]);
    pending[0]!.resolve([claim('a', 'unverified'), null]);
    await tick(0);
    expect(store.get('a')).toMatchObject({ annotation: { status: 'unverified' } });
    expect(store.get('b')).toBeNull();
  });

  it('an older answer that arrives last does not overwrite a newer one', async () => {
    const store = new CitationStore();
    store.get('a');
    await tick();
    pending[0]!.resolve([claim('a', 'unverified')]);
    await tick(0);
    // Two refreshes while the first is still in flight: the claim changed in between.
    store.refresh();
    await tick();
    store.refresh();
    await tick();
    expect(pending).toHaveLength(3);
    pending[2]!.resolve([claim('a', 'verified')]);
    await tick(0);
    pending[1]!.resolve([claim('a', 'disputed')]);
    await tick(0);
    expect(store.get('a')).toMatchObject({ annotation: { status: 'verified' } });
  });
});
