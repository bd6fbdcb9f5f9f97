import { afterEach, describe, expect, it } from 'vitest';
import { anchorTarget } from '../../../shared/anchoring';
import { richDocToText } from '../../../shared/text';
import {
  ASTRAL_ARTICLE,
  WHOLE_NOTEBOOK_SUMMARY,
  annotatedNotebook,
  contents,
  exportFrom,
  freshNotebook,
  importInto,
} from './w3c-notebook';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- exported JSON, asserted on loosely
type Json = Record<string, any>;
const parse = (bytes: Uint8Array): Json => JSON.parse(new TextDecoder().decode(bytes));

// The first notebook of a test file starts the import worker: slow on a busy machine.
describe('W3C Web Annotations: export → import into an empty notebook', { timeout: 120_000 }, () => {
  it('gives the same sources, claims (exact anchors), tags, notes, statuses and actor links', async () => {
    const { s } = await annotatedNotebook(cleanups);
    const before = await contents(s);
    const { bytes, items } = await exportFrom(s);
    expect(items).toBe(6);

    const { s: empty } = await freshNotebook(cleanups, 'empty.dossier');
    const summary = await importInto(empty, bytes);
    expect(summary).toEqual({ file: 'annotations.jsonld', ...WHOLE_NOTEBOOK_SUMMARY });
    const after = await contents(empty);
    expect(after.sources).toEqual(before.sources);
    expect(after.annotations).toEqual(before.annotations);
    expect(after.tags).toEqual(before.tags);
    expect(after.actors).toEqual(before.actors);
    expect(after.statuses).toEqual(before.statuses);
    // Every anchor is exact in the recreated text.
    for (const a of after.annotations) {
      const text = after.sources.find((x) => x.id === a.sourceId)!.text;
      expect(anchorTarget(text, a.target)).toMatchObject({ status: 'exact', start: a.target.start, end: a.target.end });
    }
    // One undo step takes the whole import back.
    await empty.service.undo({});
    expect(empty.store.manifest.sources).toEqual([]);
  });

  it('counts TextPositionSelector offsets in code points, not UTF-16 units', async () => {
    const { s, ids } = await annotatedNotebook(cleanups);
    const doc = parse((await exportFrom(s, { sourceIds: [ids['festival.txt']!] })).bytes);
    const items: Json[] = doc.first.items;
    expect(items).toHaveLength(2);
    const { source, annotations } = await s.service.getSource({ id: ids['festival.txt']! });
    expect(ASTRAL_ARTICLE.endsWith(source.text)).toBe(true);
    const points = Array.from(source.text);
    for (const a of annotations) {
      const item = items.find((i) => i.id.endsWith(`/${a.id}`))!;
      const position = item.target.selector.find((x: Json) => x.type === 'TextPositionSelector');
      const quote = item.target.selector.find((x: Json) => x.type === 'TextQuoteSelector');
      expect(quote.exact).toBe(a.target.exact);
      // Emoji and 𝔘 stand before the quote: the code point offset is smaller than the UTF-16 one.
      expect(source.text.slice(0, a.target.start)).toMatch(/🎶🎶 of the 𝔘/u);
      expect(position.start).toBeLessThan(a.target.start);
      expect(points.slice(position.start, position.end).join('')).toBe(a.target.exact);
      expect(position.start).toBe(Array.from(source.text.slice(0, a.target.start)).length);
    }
  });

  it('writes tags, the note, the status and actor links as bodies with their W3C purposes', async () => {
    const { s, ids } = await annotatedNotebook(cleanups);
    const doc = parse((await exportFrom(s, { sourceIds: [ids['en-harbour.txt']!] })).bytes);
    const [item] = doc.first.items as Json[];
    expect(item!.motivation).toBe('assessing');
    expect(item!['dossier:kind']).toBe('claim');
    const byPurpose = (p: string) => (item!.body as Json[]).filter((b) => b.purpose === p);
    expect(byPurpose('tagging').map((b) => b.value)).toEqual(['Shipping']);
    expect(byPurpose('assessing').map((b) => b.value)).toEqual(['needs a second source']);
    const [note] = byPurpose('commenting');
    expect(note).toMatchObject({ type: 'TextualBody', format: 'text/html' });
    // The HTML escapes the note's text and keeps its marks.
    expect(note!.value).toContain('<strong>port authority</strong>');
    expect(note!.value).toContain('minutes &lt;draft&gt; &amp; ask again.');
    expect(richDocToText(note!['dossier:doc'])).toContain('Second source 🎯');
    const actors = byPurpose('identifying');
    expect(actors.map((b) => [b.source.name, b['dossier:role'], b['dossier:stance']])).toEqual([
      ['Ashcombe Marine', 'subject', 'opposes'],
      ['Victor Hale', 'speaker', undefined],
    ]);
    expect(actors[0]!.source).toMatchObject({ 'dossier:actorKind': 'organisation', 'dossier:aliases': ['Ashcombe'] });
    // The source is named by its URL; one without is named by its content hash.
    expect(item!.target.source).toBe('https://news.example.org/2026/05/harbour-cloud-deal');
    const sv = parse((await exportFrom(s, { sourceIds: [ids['sv-harbour.txt']!] })).bytes);
    const { source } = await s.service.getSource({ id: ids['sv-harbour.txt']! });
    expect(sv.first.items[0].target.source).toBe(`urn:sha256:${source.origin.sha256}`);
    // The tag hierarchy travels with the collection, parents first.
    expect(doc['dossier:tags'].map((t: Json) => [t.label, t['dossier:color'], Boolean(t['dossier:parent'])])).toEqual([
      ['Economy', '#0072b2', false],
      ['Shipping', '#d55e00', true],
    ]);
  });

  it('refuses to export a source id the notebook does not have', async () => {
    const { s } = await freshNotebook(cleanups);
    await expect(exportFrom(s, { sourceIds: ['src_nothere'] })).rejects.toMatchObject({ code: 'not-found' });
  });
});
