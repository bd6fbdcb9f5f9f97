/**
 * Where a conflict is, said to the person looking: the merge's record of the place
 * (`notebook.json › actors › Anna L. › name`) becomes words of their language, records keeping
 * the names the merge gave them.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n';
import { conflictPlace } from '../../../shared/team/conflict-place';

const actorName = {
  file: 'notebook.json',
  path: ['actors', { id: 'act_anna' }, 'name'],
  label: 'notebook.json › actors › Anna L. › name',
};
const claimStatus = {
  file: 'sources/src_abc123.json',
  path: ['annotations', { id: 'ann_1' }, 'status'],
  label: 'sources/src_abc123.json › annotations › the bridge would open in May › status',
};

describe('a conflict’s place in words', () => {
  it('says the notebook, the list and the field in English and in Swedish; records keep their names', () => {
    expect(conflictPlace(actorName, createTranslator('en'))).toEqual(['The notebook', 'Actors', 'Anna L.', 'Name']);
    expect(conflictPlace(actorName, createTranslator('sv'))).toEqual([
      'Anteckningsboken',
      'Aktörer',
      'Anna L.',
      'Namn',
    ]);
    expect(conflictPlace(claimStatus, createTranslator('sv'))).toEqual([
      'Källa src_abc123',
      'Annoteringar',
      'the bridge would open in May',
      'Status',
    ]);
  });

  it('keeps a field the catalogue does not know as the file spells it, and a record’s id when the label does not line up', () => {
    const odd = { file: 'notebook.json', path: ['futureList', { id: 'x_1' }], label: 'notebook.json › a › b › c' };
    expect(conflictPlace(odd, createTranslator('en'))).toEqual(['The notebook', 'futureList', 'x_1']);
  });
});
