import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceIndexEntry } from '../../../shared/model';
import { isValidIndexEntry } from '../../../main/services/store/index-entry-guard';

const valid = {
  id: 'src_abc',
  title: 'A fictional report',
  outlet: 'The Coastal Ledger',
  publishedAt: '2026-03-02',
  language: 'sv',
  importedAt: '2026-03-03T10:00:00.000Z',
  origin: { kind: 'file', name: 'a.txt', sha256: 'ab'.repeat(32) },
};

// Values that probe each constraint: wrong types, empty, too long, bad formats.
const probe = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    true,
    [],
    {},
    '',
    'x',
    'und',
    'sv',
    'SV',
    'eng',
    '2026-01-01',
    '20260101',
    'ab'.repeat(32),
    'AB'.repeat(32),
    'file',
    'paste',
    'ftp',
    'x'.repeat(65),
  ),
  fc.string(),
);
const fields = [
  'id',
  'title',
  'outlet',
  'author',
  'url',
  'publishedAt',
  'language',
  'importedAt',
  'origin',
  'nearDuplicateOf',
] as const;
const originFields = ['kind', 'name', 'sha256'] as const;

describe('isValidIndexEntry', () => {
  it('accepts exactly what SourceIndexEntry accepts (property test over mutated entries)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...fields, ...originFields.map((f) => `origin.${f}`)), probe), {
          maxLength: 3,
        }),
        fc.boolean(),
        (mutations, dropOrigin) => {
          const entry: Record<string, unknown> = structuredClone(valid);
          if (dropOrigin) entry.origin = undefined;
          for (const [field, value] of mutations) {
            if (field.startsWith('origin.')) {
              if (entry.origin && typeof entry.origin === 'object')
                (entry.origin as Record<string, unknown>)[field.slice(7)] = value;
            } else entry[field] = value;
          }
          expect(isValidIndexEntry(entry)).toBe(SourceIndexEntry.safeParse(entry).success);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts a valid entry and refuses a broken one', () => {
    expect(isValidIndexEntry(valid)).toBe(true);
    expect(isValidIndexEntry({ ...valid, origin: { ...valid.origin, sha256: 'short' } })).toBe(false);
    expect(isValidIndexEntry({ ...valid, language: 'EN' })).toBe(false);
  });
});
