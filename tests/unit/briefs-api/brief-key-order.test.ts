/**
 * updateBrief compares documents, not their JSON text: the same brief sent
 * with its object keys in another order (a script, the CLI, another editor)
 * is no edit — no "Edit brief" step, no new updatedAt — while a real change
 * still is one.
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { Brief } from '../../../shared/model';
import { tempDir } from '../../helpers/temp-dir';

let session: NotebookSession;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir('dossier-brief-key-order-');
  cleanup = t.cleanup;
  session = await openNotebookSession(path.join(t.dir, 'Order.dossier'));
});

afterEach(async () => {
  await session.close();
  await cleanup();
});

async function api(method: Parameters<typeof callApi>[1], input: unknown): Promise<unknown> {
  const result = await callApi(session.service, method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** As the brief editor (tiptap) writes it. */
const DOC = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Harbour accord' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Signed by ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'four' },
        { type: 'text', text: ' port authorities.' },
      ],
    },
  ],
};

/** The same document with every object's keys in another order. */
const REORDERED = {
  content: [
    { content: [{ text: 'Harbour accord', type: 'text' }], attrs: { level: 2 }, type: 'heading' },
    {
      content: [
        { text: 'Signed by ', type: 'text' },
        { text: 'four', marks: [{ type: 'bold' }], type: 'text' },
        { text: ' port authorities.', type: 'text' },
      ],
      type: 'paragraph',
    },
  ],
  type: 'doc',
};

it('a document whose keys are only in another order is no edit; a changed word is', async () => {
  const created = Brief.parse(await api('createBrief', { title: 'Harbour', doc: DOC }));
  const history = await api('listHistory', {});
  const undo = await api('getHistory', {});

  const same = (await api('updateBrief', { id: created.id, doc: REORDERED })) as { updatedAt: string };
  expect(same.updatedAt).toBe(created.updatedAt);
  expect(await api('listHistory', {})).toEqual(history);
  expect(await api('getHistory', {})).toEqual(undo);
  expect(Brief.parse(await api('getBrief', { id: created.id })).doc).toEqual(DOC);

  const changed = structuredClone(REORDERED);
  changed.content[1]!.content[1]!.text = 'five';
  await api('updateBrief', { id: created.id, doc: changed });
  expect(await api('getHistory', {})).toMatchObject({ undoLabel: 'Edit brief' });
  expect(JSON.stringify(Brief.parse(await api('getBrief', { id: created.id })).doc)).toContain('five');
});
