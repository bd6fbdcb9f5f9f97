/**
 * The export checked against the W3C Web Annotation Data Model: expanded with
 * the jsonld library against the official context (tests/fixtures/w3c, W3C
 * licence) and Dossier's published extension context (docs/), in safe mode so
 * a term either context does not define fails; then the model's rules for
 * collections, annotations, selectors and bodies.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, DOSSIER_CONTEXT } from '../../../main/services/interop/w3c-vocab';
import { annotatedNotebook, exportFrom } from './w3c-notebook';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON-LD documents, asserted on loosely
type Json = Record<string, any>;
const ROOT = path.resolve(__dirname, '../../..');
const readJson = (p: string): Json => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8'));
const CONTEXTS: Record<string, Json> = {
  [ANNO_CONTEXT]: readJson('tests/fixtures/w3c/anno.jsonld'),
  [DOSSIER_CONTEXT]: readJson('docs/dossier-annotation.jsonld'),
};
/** Serves the two contexts from the repository; any other fetch fails the test. */
const documentLoader = async (url: string) => {
  const document = CONTEXTS[url];
  if (!document) throw new Error(`the test would have fetched ${url}`);
  return { contextUrl: undefined, documentUrl: url, document };
};

const OA = 'http://www.w3.org/ns/oa#';
const AS = 'https://www.w3.org/ns/activitystreams#'.replace('https', 'http');
const XSD = 'http://www.w3.org/2001/XMLSchema#';
/** The model's motivations, from the official context: the lower-case terms mapped into oa:. */
const MOTIVATIONS = Object.entries(CONTEXTS[ANNO_CONTEXT]!['@context'])
  .filter(
    ([term, v]) => /^[a-z]+$/.test(term) && typeof v === 'string' && v.startsWith('oa:') && !v.endsWith('Direction'),
  )
  .map(([term]) => term);

const cleanups: Array<() => Promise<void>> = [];
let doc: Json;
beforeAll(async () => {
  const { s } = await annotatedNotebook(cleanups);
  doc = JSON.parse(new TextDecoder().decode((await exportFrom(s)).bytes));
}, 120_000); // the first notebook starts the import worker: slow on a busy machine
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const isAbsoluteIri = (v: unknown) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v) && !/\s/.test(v);
const isDateTime = (v: unknown) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);

describe('W3C export against the Web Annotation Data Model', () => {
  it('expands against the official context and the published Dossier context without dropping anything', async () => {
    expect(MOTIVATIONS).toEqual(
      expect.arrayContaining(['assessing', 'commenting', 'highlighting', 'tagging', 'identifying']),
    );
    const expanded = (await jsonld.expand(
      doc as jsonld.JsonLdDocument,
      { documentLoader, safe: true } as never,
    )) as unknown as Json[];
    expect(expanded).toHaveLength(1);
    const collection = expanded[0]!;
    expect(collection['@type']).toEqual([`${AS}OrderedCollection`]);
    const page = collection[`${AS}first`][0];
    expect(page['@type']).toEqual([`${AS}OrderedCollectionPage`]);
    const items: Json[] = page[`${AS}items`][0]['@list'];
    expect(items).toHaveLength(doc.total);
    for (const a of items) {
      expect(a['@type']).toEqual([`${OA}Annotation`]);
      expect(MOTIVATIONS.map((m) => `${OA}${m}`)).toContain(a[`${OA}motivatedBy`][0]['@id']);
      const target = a[`${OA}hasTarget`][0];
      expect(target['@type']).toEqual([`${OA}SpecificResource`]);
      expect(isAbsoluteIri(target[`${OA}hasSource`][0]['@id'])).toBe(true);
      const selectors: Json[] = target[`${OA}hasSelector`];
      const quote = selectors.find((x) => x['@type'][0] === `${OA}TextQuoteSelector`)!;
      expect(quote[`${OA}exact`][0]['@value']).toEqual(expect.any(String));
      const position = selectors.find((x) => x['@type'][0] === `${OA}TextPositionSelector`)!;
      expect(position[`${OA}start`][0]['@type']).toBe(`${XSD}nonNegativeInteger`);
      for (const body of a[`${OA}hasBody`] as Json[]) {
        expect(MOTIVATIONS.map((m) => `${OA}${m}`)).toContain(body[`${OA}hasPurpose`][0]['@id']);
      }
      expect(a['http://purl.org/dc/terms/created'][0]['@type']).toBe(`${XSD}dateTime`);
    }
    // The extension data expands into Dossier's namespace.
    const kinds = items.map((a) => a['https://dossier.example.org/ns/annotation#kind'][0]['@value']);
    expect(new Set(kinds)).toEqual(new Set(['claim', 'highlight', 'note']));
  });

  it('uses only extension terms the published context defines', () => {
    const defined = new Set(Object.keys(CONTEXTS[DOSSIER_CONTEXT]!['@context']));
    const used = new Set<string>();
    const walk = (v: unknown, key?: string) => {
      if (key === 'dossier:doc' || key === 'dossier:removed') return; // JSON literals: their inside is data
      if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k.startsWith('dossier:')) used.add(k);
          walk(x, k);
        }
    };
    walk(doc);
    expect(used.size).toBeGreaterThan(15);
    for (const term of used) expect(defined, term).toContain(term);
  });

  it('follows the model: collection, page, annotations, selectors and bodies', () => {
    expect(doc['@context']).toEqual([ANNO_CONTEXT, DOSSIER_CONTEXT]);
    expect(doc.type).toBe('AnnotationCollection');
    expect(isAbsoluteIri(doc.id)).toBe(true);
    expect(doc.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    expect(isAbsoluteIri(doc.first.id)).toBe(true);
    expect(doc.total).toBe(doc.first.items.length);
    const ids = new Set<string>();
    for (const a of doc.first.items as Json[]) {
      expect(a.type).toBe('Annotation');
      expect(isAbsoluteIri(a.id)).toBe(true);
      expect(ids.has(a.id)).toBe(false);
      ids.add(a.id);
      expect(MOTIVATIONS).toContain(a.motivation);
      expect(isDateTime(a.created) && isDateTime(a.modified)).toBe(true);
      expect(a.target.type).toBe('SpecificResource');
      expect(isAbsoluteIri(a.target.source)).toBe(true);
      const quote = a.target.selector.find((x: Json) => x.type === 'TextQuoteSelector');
      expect(typeof quote.exact === 'string' && quote.exact.length > 0).toBe(true);
      for (const k of ['prefix', 'suffix']) if (k in quote) expect(typeof quote[k]).toBe('string');
      const position = a.target.selector.find((x: Json) => x.type === 'TextPositionSelector');
      expect(Number.isInteger(position.start) && position.start >= 0 && position.end > position.start).toBe(true);
      expect(position.end - position.start).toBe(Array.from(quote.exact).length);
      for (const body of a.body as Json[]) {
        expect(MOTIVATIONS).toContain(body.purpose);
        if (body.type === 'TextualBody') expect(typeof body.value).toBe('string');
        else expect(body.type === 'SpecificResource' && isAbsoluteIri(body.source.id)).toBe(true);
      }
    }
    // Every source an annotation targets is described once, with its identity.
    const described = new Map((doc['dossier:sources'] as Json[]).map((s) => [s.id, s]));
    for (const a of doc.first.items as Json[])
      expect(described.get(a.target.source)?.['dossier:sha256']).toMatch(/^[0-9a-f]{64}$/);
  });
});
