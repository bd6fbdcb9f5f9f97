import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { W3C_MAX_BYTES, W3C_MAX_DEPTH, detectW3c } from '../../../main/services/interop/w3c-parse';
import { richDocToText } from '../../../shared/text';
import {
  annotatedNotebook,
  contents,
  exportFrom,
  freshNotebook,
  importInto,
  importResult,
  notebookFiles,
  type Opened,
} from './w3c-notebook';

const cleanups: Array<() => Promise<void>> = [];
let nb: Opened;
let good: Record<string, unknown>;
beforeAll(async () => {
  nb = await annotatedNotebook(cleanups);
  good = JSON.parse(new TextDecoder().decode((await exportFrom(nb.s)).bytes));
}, 120_000); // the first notebook starts the import worker: slow on a busy machine
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- exported JSON, damaged on purpose
type Json = Record<string, any>;
const utf8 = (s: string) => new TextEncoder().encode(s);
/** A copy of the good export changed by `edit`. */
function damaged(edit: (doc: Json) => void): Uint8Array {
  const doc = structuredClone(good);
  edit(doc);
  return utf8(JSON.stringify(doc));
}
const firstItem = (doc: Json): Json => doc.first.items[0];

// Each case: the bytes, and what the message must say.
const CASES: Array<[string, () => Uint8Array, RegExp]> = [
  ['not JSON', () => utf8('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": '), /is not valid JSON/],
  ['not UTF-8', () => new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /is not UTF-8 text/],
  [
    'huge',
    () => {
      // A W3C head, then one long string: one byte over the limit.
      const bytes = new Uint8Array(W3C_MAX_BYTES + 1).fill(0x78);
      const head = utf8('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "x": "');
      bytes.set(head);
      bytes.set(utf8('"}'), bytes.length - 2);
      return bytes;
    },
    /larger than the 256 MB limit/,
  ],
  ['no @context', () => damaged((d) => delete d['@context']), /has no "@context"/],
  [
    'wrong @context',
    () => damaged((d) => (d['@context'] = 'http://www.w3.org/ns/oa.jsonld')),
    /wrong "@context" \("http:\/\/www\.w3\.org\/ns\/oa\.jsonld"\)/,
  ],
  [
    'an embedded context object',
    () => damaged((d) => (d['@context'] = ['http://www.w3.org/ns/anno.jsonld', { target: 'http://evil.example/x' }])),
    /embeds a JSON-LD context object/,
  ],
  ['missing target', () => damaged((d) => delete firstItem(d).target), /Annotation 1 \(tag:.*\) has no target/],
  ['a target without a source', () => damaged((d) => delete firstItem(d).target.source), /its target names no source/],
  [
    'a position selector that ends before it starts',
    () => damaged((d) => (firstItem(d).target.selector[1] = { type: 'TextPositionSelector', start: 9, end: 2 })),
    /ends \(2\) before it starts \(9\)/,
  ],
  [
    'an unknown actor role',
    () =>
      damaged((d) => {
        const body = firstItem(d).body.find((b: Json) => b.purpose === 'identifying');
        body['dossier:role'] = 'overlord';
      }),
    /Annotation 1 .* is damaged: body/,
  ],
  [
    'deeply nested',
    () => {
      const depth = 100_000;
      return utf8(
        `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","target":"x","body":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      );
    },
    new RegExp(`nests deeper than ${W3C_MAX_DEPTH} levels`),
  ],
  [
    'a __proto__ key',
    () =>
      utf8(
        JSON.stringify(good).replace(
          '"type":"AnnotationCollection"',
          '"type":"AnnotationCollection","__proto__":{"polluted":true}',
        ),
      ),
    /contains the key "__proto__"/,
  ],
  [
    'a constructor key deep inside',
    () => damaged((d) => (firstItem(d).body[0].constructor = { prototype: { polluted: true } })),
    /contains the key "constructor"/,
  ],
  [
    'a page linked, not embedded',
    () => damaged((d) => (d.first = 'https://elsewhere.example/page1')),
    /does not fetch pages/,
  ],
  [
    'more pages',
    () => damaged((d) => (d.first.next = 'https://elsewhere.example/page2')),
    /continues on further pages/,
  ],
  ['neither annotation nor collection', () => damaged((d) => (d.type = 'Person')), /neither an Annotation/],
  [
    'damaged Dossier source data',
    () => damaged((d) => (d['dossier:sources'][0]['dossier:removed'] = 'x')),
    /Dossier data is damaged/,
  ],
];

describe('W3C import refuses damaged or hostile files and changes nothing', () => {
  it.each(CASES)('%s', async (_name, make, message) => {
    const bytes = make();
    await nb.s.store.flush();
    const before = await notebookFiles(nb.dir);
    const result = await importResult(nb.s, bytes, 'bad.jsonld');
    expect(result.interop ?? []).toEqual([]);
    expect(result.rejected).toEqual([{ name: 'bad.jsonld', reason: expect.stringMatching(message) }]);
    // One line a person can read: no stack, no JSON dump.
    expect(result.rejected[0]!.reason).not.toMatch(/\n|at Object\.|\{"/);
    await nb.s.store.flush();
    expect(await notebookFiles(nb.dir)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a note document only when it holds what the editor makes: a script link falls back to the text', async () => {
    const bytes = damaged((d) => {
      const note = firstItem(d).body.find((b: Json) => b.purpose === 'commenting');
      note['dossier:doc'].content[0].content[1].marks = [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }];
    });
    const { s: fresh } = await freshNotebook(cleanups, 'sanitised.dossier');
    const summary = await importInto(fresh, bytes);
    expect(summary).toMatchObject({ annotations: 6, notes: 2 });
    const claim = (await contents(fresh)).annotations.find((a) => richDocToText(a.note).includes('port authority'))!;
    expect(JSON.stringify(claim.note)).not.toContain('javascript:');
    expect(richDocToText(claim.note)).toBe(
      'Check against the port authority minutes <draft> & ask again.\n\nSecond source 🎯',
    );
  });

  it('detects W3C files by content, whatever their name, and never throws', () => {
    const exported = utf8(JSON.stringify(good));
    expect(detectW3c(exported, 'notes.json')).toBe(true);
    expect(detectW3c(exported, 'no-extension')).toBe(true);
    expect(detectW3c(utf8('{"@context": ["https://www.w3.org/ns/anno.jsonld"]}'), 'x.json')).toBe(true);
    expect(detectW3c(utf8('{"items": []}'), 'refs.json')).toBe(false);
    expect(detectW3c(utf8('{"@context": "https://schema.org"}'), 'claimreview.json')).toBe(false);
    expect(detectW3c(utf8('Plain text article'), 'a.jsonld')).toBe(false);
    expect(detectW3c(new Uint8Array([0xff, 0xfe, 0x00]), 'x.json')).toBe(false);
    // A .jsonld file is claimed even when damaged, so its import says what is wrong with it.
    expect(detectW3c(utf8('{"@context": "http://www.w3.org/ns/oa.jsonld"}'), 'old.jsonld')).toBe(true);
  });
});
