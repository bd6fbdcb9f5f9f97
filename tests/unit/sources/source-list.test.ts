/**
 * The source list a page at a time (`listSourcePage`), the heads of named
 * sources (`getSourceHeads`) and where a source sits in a view
 * (`locateSource`): sorted, filtered (case and diacritics ignored), paged,
 * and fresh after an edit.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import type { ApiInput, ApiOutput, MethodName } from '../../../shared/api';
import { tempDir } from '../../helpers/temp-dir';

let s: NotebookSession;
let cleanup: () => Promise<void>;
const ids: Record<string, string> = {};

async function api<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await callApi(s.service, method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ApiOutput<M>;
}

const titles = (items: Array<{ title: string }>) => items.map((x) => x.title);

beforeAll(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  s = await openNotebookSession(path.join(t.dir, 'list.dossier'));
  // Imported in this order; dates and outlets set afterwards.
  const rows = [
    ['Övik harbour reopens', '2024-03-01', 'Norrvik Posten'],
    ['Budget talks stall', '2025-01-10', 'Baltic Wire'],
    ['Accord signed at dawn', undefined, 'Baltic Wire'],
    ['Ferry 10 returns', '2023-07-04', 'The Coastal Ledger'],
    ['Ferry 9 delayed', '2025-06-30', 'The Coastal Ledger'],
  ] as const;
  for (const [title, date, outlet] of rows) {
    const { added } = await api('importText', { text: `${title}\n\nA fictional article about ${title}.`, name: title });
    const id = added[0]!.id;
    ids[title] = id;
    await api('updateSourceMeta', { id, patch: { title, outlet, ...(date ? { publishedAt: date } : {}) } });
  }
}, 90_000); // five imports and five edits, each a transaction: slow on a busy machine

afterAll(async () => {
  await s?.close();
  await cleanup?.();
});

describe('listSourcePage', () => {
  it('pages the notebook in import order with the total', async () => {
    const first = await api('listSourcePage', { offset: 0, limit: 2 });
    expect(first.total).toBe(5);
    expect(titles(first.items)).toEqual(['Övik harbour reopens', 'Budget talks stall']);
    const last = await api('listSourcePage', { offset: 4, limit: 2 });
    expect(titles(last.items)).toEqual(['Ferry 9 delayed']);
    expect(await api('listSourcePage', { offset: 10, limit: 2 })).toEqual({ total: 5, offset: 10, items: [] });
  });

  it('sorts by title (numbers in order, accents by their letter) and by date, newest first, undated last', async () => {
    const byTitle = await api('listSourcePage', { sort: 'title', limit: 10 });
    expect(titles(byTitle.items)).toEqual([
      'Accord signed at dawn',
      'Budget talks stall',
      'Ferry 9 delayed',
      'Ferry 10 returns',
      'Övik harbour reopens',
    ]);
    const byDate = await api('listSourcePage', { sort: 'published', limit: 10 });
    expect(titles(byDate.items)).toEqual([
      'Ferry 9 delayed',
      'Budget talks stall',
      'Övik harbour reopens',
      'Ferry 10 returns',
      'Accord signed at dawn',
    ]);
  });

  it('filters on title, outlet and author, ignoring case and diacritics', async () => {
    const ovik = await api('listSourcePage', { filter: 'ovik', limit: 10 });
    expect(titles(ovik.items)).toEqual(['Övik harbour reopens']);
    const wire = await api('listSourcePage', { filter: 'BALTIC wire', sort: 'title', limit: 10 });
    expect(wire.total).toBe(2);
    expect(titles(wire.items)).toEqual(['Accord signed at dawn', 'Budget talks stall']);
    expect((await api('listSourcePage', { filter: 'no such words', limit: 10 })).total).toBe(0);
  });

  it('shows an edit at once, in place and in order', async () => {
    const id = ids['Budget talks stall']!;
    await api('updateSourceMeta', { id, patch: { title: 'Zebra crossing budget' } });
    expect(titles((await api('listSourcePage', { limit: 10 })).items)[1]).toBe('Zebra crossing budget');
    expect(titles((await api('listSourcePage', { sort: 'title', limit: 10 })).items).at(-1)).toBe(
      'Zebra crossing budget',
    );
    await api('undo', {});
    expect(titles((await api('listSourcePage', { sort: 'title', limit: 10 })).items)[1]).toBe('Budget talks stall');
  });
});

describe('getSourceHeads and locateSource', () => {
  it('gives the heads of the sources that exist, in the order asked', async () => {
    const heads = await api('getSourceHeads', {
      ids: [ids['Ferry 9 delayed']!, 'src_missing', ids['Accord signed at dawn']!],
    });
    expect(titles(heads)).toEqual(['Ferry 9 delayed', 'Accord signed at dawn']);
    expect(heads[0]).toMatchObject({ outlet: 'The Coastal Ledger', publishedAt: '2025-06-30' });
  });

  it('finds a source in a sorted, filtered view, or says it is not there', async () => {
    const id = ids['Övik harbour reopens']!;
    expect(await api('locateSource', { id })).toEqual({ index: 0, total: 5 });
    expect(await api('locateSource', { id, sort: 'title' })).toEqual({ index: 4, total: 5 });
    expect(await api('locateSource', { id, filter: 'wire' })).toEqual({ index: null, total: 2 });
  });
});
