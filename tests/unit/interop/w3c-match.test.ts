import { afterEach, describe, expect, it } from 'vitest';
import { anchorTarget } from '../../../shared/anchoring';
import { richDocToText } from '../../../shared/text';
import {
  HARBOUR_URL,
  annotatedNotebook,
  contents,
  exportFrom,
  fixtureBytes,
  freshNotebook,
  importArticles,
  importInto,
  namesOnly,
  notebookFiles,
} from './w3c-notebook';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const utf8 = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

// The first notebook of a test file starts the import worker: slow on a busy machine.
describe('W3C import into a notebook that has the sources', { timeout: 120_000 }, () => {
  it('matches sources by URL, then content hash, then title, and anchors exactly', async () => {
    const { s } = await annotatedNotebook(cleanups);
    const original = await contents(s);
    const bytes = namesOnly((await exportFrom(s)).bytes);

    const { s: b } = await freshNotebook(cleanups, 'other.dossier');
    const ids = await importArticles(b, [
      // Other bytes (so another hash) and another title: only the URL can match it.
      { name: 'en-harbour.txt', bytes: utf8(`${decode(await fixtureBytes('en-harbour.txt'))}\n\n`) },
      // The same bytes (the same hash) under another title and without a URL.
      { name: 'sv-harbour.txt', bytes: await fixtureBytes('sv-harbour.txt') },
      // Other bytes, no URL: only the title can match it.
      { name: 'fr-summit.txt', bytes: utf8(`${decode(await fixtureBytes('fr-summit.txt'))}\n`) },
    ]);
    await b.service.updateSourceMeta({ id: ids['en-harbour.txt']!, patch: { url: HARBOUR_URL, title: 'Renamed' } });
    await b.service.updateSourceMeta({ id: ids['sv-harbour.txt']!, patch: { title: 'Omdöpt' } });

    const summary = await importInto(b, bytes);
    expect(summary.sources).toEqual({ added: 0, matched: 3 });
    expect(summary.annotations).toBe(4);
    // The festival article is not in this notebook and the file carries no text: reported, not placed.
    expect(summary.orphans).toHaveLength(2);
    for (const o of summary.orphans) expect(o.reason).toMatch(/^missing source: “Festival 🎉 in 𝔘lvsby/);

    const after = await contents(b);
    expect(after.sources).toHaveLength(3);
    for (const [file, count] of [
      ['en-harbour.txt', 1],
      ['sv-harbour.txt', 2],
      ['fr-summit.txt', 1],
    ] as const) {
      const placed = after.annotations.filter((a) => a.sourceId === ids[file]);
      expect(placed).toHaveLength(count);
      const text = after.sources.find((x) => x.id === ids[file])!.text;
      for (const a of placed) {
        const before = original.annotations.find((o) => o.target.exact === a.target.exact && o.kind === a.kind)!;
        expect(a.target).toEqual(before.target);
        expect(anchorTarget(text, a.target).status).toBe('exact');
      }
    }
  });

  it('re-anchors through the quote when the source text was edited', async () => {
    const { s, ids: a } = await annotatedNotebook(cleanups);
    const { source } = await s.service.getSource({ id: a['en-harbour.txt']! });
    const [claim] = (await s.service.getSource({ id: a['en-harbour.txt']! })).annotations;
    const bytes = namesOnly((await exportFrom(s, { sourceIds: [a['en-harbour.txt']!] })).bytes);

    // The same article with a paragraph (and emoji) inserted before the claimed line.
    const raw = decode(await fixtureBytes('en-harbour.txt'));
    const line = raw.split('\n').find((l) => l.startsWith(claim!.target.exact))!;
    const edited = raw.replace(line, `An editor's note 🛈 added later, with 𝔘 characters.\n\n${line}`);
    const { s: b } = await freshNotebook(cleanups, 'edited.dossier');
    const ids = await importArticles(b, [{ name: 'en-harbour.txt', bytes: utf8(edited) }]);
    await b.service.updateSourceMeta({ id: ids['en-harbour.txt']!, patch: { url: HARBOUR_URL } });

    const summary = await importInto(b, bytes);
    expect(summary).toMatchObject({ sources: { added: 0, matched: 1 }, annotations: 1, orphans: [] });
    const { source: bSource, annotations } = await b.service.getSource({ id: ids['en-harbour.txt']! });
    expect(annotations[0]!.target.exact).toBe(claim!.target.exact);
    expect(annotations[0]!.target.start).toBe(bSource.text.indexOf(claim!.target.exact));
    expect(annotations[0]!.target.start).toBeGreaterThan(source.text.indexOf(claim!.target.exact));
    expect(richDocToText(annotations[0]!.note)).toContain('port authority');
  });

  it('keeps an annotation it cannot place as an orphan and reports it', async () => {
    const { s, ids: a } = await annotatedNotebook(cleanups);
    const [claim] = (await s.service.getSource({ id: a['en-harbour.txt']! })).annotations;
    const bytes = namesOnly((await exportFrom(s, { sourceIds: [a['en-harbour.txt']!] })).bytes);
    // The claimed line is gone from this copy of the article.
    const raw = decode(await fixtureBytes('en-harbour.txt'));
    const without = raw.replace(
      raw.split('\n').find((l) => l.startsWith(claim!.target.exact))!,
      '',
    );
    const { s: b } = await freshNotebook(cleanups, 'cut.dossier');
    const ids = await importArticles(b, [{ name: 'en-harbour.txt', bytes: utf8(without) }]);
    await b.service.updateSourceMeta({ id: ids['en-harbour.txt']!, patch: { url: HARBOUR_URL } });

    const summary = await importInto(b, bytes);
    expect(summary.annotations).toBe(1);
    expect(summary.orphans).toEqual([
      { quote: claim!.target.exact, reason: expect.stringMatching(/^kept as an orphan in “.+”: /) },
    ]);
    const { source, annotations } = await b.service.getSource({ id: ids['en-harbour.txt']! });
    expect(annotations[0]!.target.exact).toBe(claim!.target.exact);
    expect(anchorTarget(source.text, annotations[0]!.target).status).toBe('orphan');
  });

  it('reports missing sources and changes nothing; after the articles are imported the same file places everything once', async () => {
    const { s } = await annotatedNotebook(cleanups);
    const bytes = namesOnly((await exportFrom(s)).bytes);
    const { s: b, dir } = await freshNotebook(cleanups, 'later.dossier');
    const before = await notebookFiles(dir);
    const first = await importInto(b, bytes);
    expect(first).toMatchObject({ sources: { added: 0, matched: 0 }, annotations: 0 });
    expect(first.orphans).toHaveLength(6);
    // Each report names its source by title, so the person knows which articles to import.
    const titles = (await contents(s)).sources.map((x) => x.title);
    expect(new Set(first.orphans.map((o) => /“(.+?)”/.exec(o.reason)?.[1]))).toEqual(new Set(titles));
    for (const o of first.orphans)
      expect(o.reason).toMatch(/^missing source: .* import the article, then this file again$/);
    await b.store.flush();
    expect(await notebookFiles(dir)).toEqual(before);

    await importArticles(b, [
      { name: 'en-harbour.txt', bytes: await fixtureBytes('en-harbour.txt') },
      { name: 'sv-harbour.txt', bytes: await fixtureBytes('sv-harbour.txt') },
      { name: 'fr-summit.txt', bytes: await fixtureBytes('fr-summit.txt') },
    ]);
    const second = await importInto(b, bytes);
    expect(second).toMatchObject({ sources: { added: 0, matched: 3 }, annotations: 4 });
    expect(second.orphans).toHaveLength(2); // the festival article is still missing
    const third = await importInto(b, bytes);
    expect(third.annotations).toBe(0);
    expect((await contents(b)).annotations).toHaveLength(4);
  });

  it('reads a foreign (Hypothesis-style) annotation: range selector ignored, comment → note, tag matched by name', async () => {
    const { s: b } = await freshNotebook(cleanups, 'foreign.dossier');
    const ids = await importArticles(b, [{ name: 'en-harbour.txt', bytes: await fixtureBytes('en-harbour.txt') }]);
    await b.service.updateSourceMeta({ id: ids['en-harbour.txt']!, patch: { url: HARBOUR_URL } });
    const economy = await b.service.createTag({ name: 'Economy' });
    const shipping = await b.service.createTag({ name: 'Shipping', parentId: economy.id });
    const { source } = await b.service.getSource({ id: ids['en-harbour.txt']! });
    const exact = 'Microsoft';
    const at = source.text.indexOf(exact);
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example.net/a/Xy12',
      type: 'Annotation',
      created: '2026-05-05T09:00:00.000Z',
      modified: '2026-05-06T10:00:00.000Z',
      creator: 'acct:reader@annotations.example.net',
      body: [
        { type: 'TextualBody', value: 'Is this *confirmed*?\n\nAsk the port.', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'shipping' },
      ],
      target: [
        {
          source: HARBOUR_URL,
          selector: [
            {
              type: 'RangeSelector',
              startSelector: { type: 'XPathSelector', value: '/main[1]/p[2]' },
              endSelector: { type: 'XPathSelector', value: '/main[1]/p[2]' },
            },
            { type: 'TextPositionSelector', start: at + 500, end: at + 509 },
            {
              type: 'TextQuoteSelector',
              exact,
              prefix: source.text.slice(at - 20, at),
              suffix: source.text.slice(at + exact.length, at + exact.length + 20),
            },
          ],
        },
      ],
    };
    const summary = await importInto(b, utf8(JSON.stringify(foreign)), 'hypothesis.json');
    expect(summary).toMatchObject({
      sources: { matched: 1, added: 0 },
      annotations: 1,
      tags: 0,
      notes: 1,
      orphans: [],
    });
    const [a] = (await b.service.getSource({ id: ids['en-harbour.txt']! })).annotations;
    expect(a).toMatchObject({
      kind: 'note',
      tagIds: [shipping.id],
      status: 'unverified',
      createdAt: '2026-05-05T09:00:00.000Z',
      updatedAt: '2026-05-06T10:00:00.000Z',
    });
    expect(a!.target).toMatchObject({ start: at, end: at + exact.length, exact });
    expect(richDocToText(a!.note)).toBe('Is this *confirmed*?\n\nAsk the port.');
  });

  it('reads a foreign (Recogito-style) array of annotations: identifying body → actor, classifying body passed over', async () => {
    const { s: b } = await freshNotebook(cleanups, 'array.dossier');
    const ids = await importArticles(b, [{ name: 'en-harbour.txt', bytes: await fixtureBytes('en-harbour.txt') }]);
    await b.service.updateSourceMeta({ id: ids['en-harbour.txt']!, patch: { url: HARBOUR_URL } });
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://recogito.example.org/annotation/7f1c',
      type: 'Annotation',
      body: [
        { type: 'TextualBody', purpose: 'classifying', value: 'ORG' },
        { type: 'TextualBody', purpose: 'identifying', value: 'Microsoft' },
        {
          type: 'TextualBody',
          purpose: 'commenting',
          format: 'text/html',
          value:
            '<p>Contractor <b>named</b> first.</p><ul><li>Check &amp; <i>confirm</i></li></ul><script>alert(1)</script>',
        },
      ],
      target: { source: HARBOUR_URL, selector: [{ type: 'TextQuoteSelector', exact: 'Microsoft' }] },
    };
    const summary = await importInto(b, utf8(JSON.stringify([annotation])), 'recogito.json');
    expect(summary).toMatchObject({ annotations: 1, actors: 1, notes: 1, orphans: [] });
    expect(b.store.manifest.actors.map((a) => [a.name, a.kind])).toEqual([['Microsoft', 'other']]);
    const [a] = (await b.service.getSource({ id: ids['en-harbour.txt']! })).annotations;
    expect(a).toMatchObject({ kind: 'note', actors: [{ role: 'mentioned' }] });
    // An HTML comment becomes the note's paragraphs, as text: markup and scripts dropped.
    expect(richDocToText(a!.note)).toBe('Contractor named first.\n\nCheck & confirm');
  });

  it('reads the position in code points: only it tells two equal quotes after emoji apart', async () => {
    const { s: b } = await freshNotebook(cleanups, 'astral.dossier');
    const article = `Council votes\n\n${'🎉'.repeat(30)} budget budget`;
    const ids = await importArticles(b, [{ name: 'astral.txt', bytes: utf8(article) }]);
    const { source } = await b.service.getSource({ id: ids['astral.txt']! });
    const second = source.text.lastIndexOf('budget');
    const secondInCodePoints = Array.from(source.text.slice(0, second)).length;
    // Read as UTF-16, the code point offset would land nearer the first "budget".
    expect(Math.abs(secondInCodePoints - source.text.indexOf('budget'))).toBeLessThan(
      Math.abs(secondInCodePoints - second),
    );
    const { sha256 } = source.origin;
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:5a0c6f9e-0d7e-4d8e-9a53-6f0e1b2c3d4e',
      type: 'Annotation',
      target: {
        source: `urn:sha256:${sha256}`,
        selector: [
          { type: 'TextQuoteSelector', exact: 'budget' },
          { type: 'TextPositionSelector', start: secondInCodePoints, end: secondInCodePoints + 6 },
        ],
      },
    };
    const summary = await importInto(b, utf8(JSON.stringify(file)), 'one.jsonld');
    expect(summary).toMatchObject({ sources: { matched: 1 }, annotations: 1, orphans: [] });
    const [a] = (await b.service.getSource({ id: ids['astral.txt']! })).annotations;
    expect(a!.target).toMatchObject({ start: second, end: second + 6, exact: 'budget' });
  });
});
