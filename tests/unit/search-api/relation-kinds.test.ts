/**
 * Every relation kind of the model can be made from a suggested passage —
 * "elaborates" as well as "corroborates" and "contradicts" — through the
 * validating door every transport uses, each as one undo step.
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import type { ApiOutput } from '../../../shared/api';
import { RELATION_TYPES } from '../../../shared/enums';
import { tempDir } from '../../helpers/temp-dir';
import { courier, dagblad, wire } from '../search/corpus';

let session: NotebookSession;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir('dossier-relation-kinds-');
  cleanup = t.cleanup;
  session = await openNotebookSession(path.join(t.dir, 'Relations.dossier'));
}, 30_000);

afterEach(async () => {
  await session.close();
  await cleanup();
});

it('makes a relation of each kind from a suggested passage, undoably', async () => {
  const s = session.service;
  const ids: string[] = [];
  for (const src of [courier, wire, dagblad]) {
    const id = (await s.importText({ text: src.text, name: `${src.id}.txt` })).added[0]!.id;
    await s.updateSourceMeta({ id, patch: { language: src.language } });
    ids.push(id);
  }
  const claim = await s.addClaimByQuote({
    sourceId: ids[0]!,
    quote: 'pledging to build six icebreakers',
    kind: 'claim',
    tags: [],
    actors: [],
    occurrence: 0,
  });
  const other = (await s.getSource({ id: ids[1]! })).source.text;
  for (const [i, type] of RELATION_TYPES.entries()) {
    const phrase = ['six new icebreakers', 'the port of Nordvik', 'Fourteen people were injured'][i]!;
    const start = other.indexOf(phrase);
    const r = await callApi(s, 'acceptCorroboration', {
      annotationId: claim.id,
      sourceId: ids[1]!,
      start,
      end: start + phrase.length,
      type,
    });
    if (!r.ok) throw new Error(`${type}: ${r.error.message}`);
    const made = r.value as ApiOutput<'acceptCorroboration'>;
    expect(made.relation).toMatchObject({ type, to: claim.id, from: made.annotation.id });
  }
  const made = await s.listRelations({ annotationId: claim.id });
  expect(made.map((r) => r.type).sort()).toEqual([...RELATION_TYPES].sort());
  await s.undo({});
  expect((await s.listRelations({ annotationId: claim.id })).map((r) => r.type)).not.toContain(RELATION_TYPES.at(-1));
  // a kind the model does not know is refused at the door
  const bad = await callApi(s, 'acceptCorroboration', {
    annotationId: claim.id,
    sourceId: ids[2]!,
    start: 0,
    end: 5,
    type: 'refutes',
  });
  expect(bad.ok).toBe(false);
}, 60_000);
