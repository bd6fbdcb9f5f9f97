/**
 * The display labels of the shared lists live in the `enums` catalogue, keyed
 * `<list>.<value>`: each list there has exactly the values shared/enums.ts
 * defines, so a value added to a list without a label (or a label left for a
 * removed value) fails here, not as a raw key on screen.
 */
import { describe, expect, it } from 'vitest';
import * as enums from '../../../shared/enums';
import { resources } from '../../../shared/i18n';

const LISTS: Record<keyof (typeof resources)['en']['enums'], readonly string[]> = {
  originKind: enums.ORIGIN_KINDS,
  sourceSort: enums.SOURCE_SORTS,
  annotationKind: enums.ANNOTATION_KINDS,
  annotationKindPlural: enums.ANNOTATION_KINDS,
  relationType: enums.RELATION_TYPES,
  actorKind: enums.ACTOR_KINDS,
  actorRole: enums.ACTOR_ROLES,
  stanceFilter: enums.STANCE_FILTERS,
  importFormat: enums.IMPORT_FORMATS,
  briefFormat: enums.BRIEF_FORMATS,
  interopFormat: enums.INTEROP_FORMATS,
  snapshotReason: enums.SNAPSHOT_REASONS,
  languageChoice: enums.LANGUAGE_CHOICES,
  theme: enums.THEMES,
};

describe('the enums catalogue', () => {
  for (const [list, values] of Object.entries(LISTS)) {
    it(`${list}: a label for every value of the list, and for nothing else`, () => {
      const labels = resources.en.enums[list as keyof typeof LISTS];
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
    });
  }

  it('interopFormat: each exchange format has a name in sentences and one for menus (File › Export, the Export… menu)', () => {
    for (const format of enums.INTEROP_FORMATS)
      expect(Object.keys(resources.en.enums.interopFormat[format]).sort()).toEqual(['label', 'menu']);
  });

  it('briefFormat: each brief format is named in sentences (the save dialog), on a button and in File › Export Brief; the shared list holds no words', () => {
    for (const format of enums.BRIEF_FORMATS) {
      expect(Object.keys(resources.en.enums.briefFormat[format]).sort()).toEqual(['button', 'label', 'menu']);
      expect(Object.keys(enums.BRIEF_FORMAT_INFO[format]).sort()).toEqual(['extension', 'mime']);
    }
    expect(resources.sv.enums.briefFormat.docx.label).not.toBe(resources.en.enums.briefFormat.docx.label);
  });
});
