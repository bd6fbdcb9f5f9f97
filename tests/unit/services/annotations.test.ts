import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/dossier';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { Annotation } from '../../../shared/model';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// Typographic quotes, an apostrophe, a non-breaking space (between 14 and injured) — as pasted from the web.
const ARTICLE = [
  'Harbour accord signed after night of talks',
  '',
  'Minister Anna Lindqvist said: “We will not accept new quotas before spring.” Her counterpart disagreed.',
  '',
  'Police said 14\u00a0injured people were taken to hospital. Saltmarsh’s mayor called it “a dark day for the coast”.',
  '',
  'Later, Lindqvist repeated: “We will not accept new quotas before spring.”',
].join('\n');

async function withSource(): Promise<{ s: NotebookSession; sourceId: string; dir: string }> {
  const t = await tempDir();
  const dir = path.join(t.dir, 'claims.dossier');
  const s = await openNotebookSession(dir);
  cleanups.push(t.cleanup, () => s.close());
  const { added } = await s.service.importFiles({
    files: [{ name: 'accord.txt', bytes: new TextEncoder().encode(ARTICLE) }],
  });
  return { s, sourceId: added[0]!.id, dir };
}

describe('annotations', () => {
  it('creates a claim from a selection with the W3C position and quote selectors', async () => {
    const { s, sourceId } = await withSource();
    const { source } = await s.service.getSource({ id: sourceId });
    const start = source.text.indexOf('We will not');
    const end = source.text.indexOf('spring.”') + 'spring.'.length;
    const a = await s.service.createAnnotation({ sourceId, kind: 'claim', start, end, tagIds: [], actors: [] });
    expect(a.target.exact).toBe('We will not accept new quotas before spring.');
    expect(a.target.prefix.endsWith('said: “')).toBe(true);
    expect(a.target.prefix.length).toBeLessThanOrEqual(32);
    expect(a.target.suffix.startsWith('” Her')).toBe(true);
    expect(a.status).toBe('unverified');
    const again = await s.service.getSource({ id: sourceId });
    expect(again.annotations.map((x) => x.id)).toEqual([a.id]);
  });

  it('refuses an empty or out-of-range selection and an unknown status', async () => {
    const { s, sourceId } = await withSource();
    await expect(
      s.service.createAnnotation({ sourceId, kind: 'claim', start: 0, end: 99999, tagIds: [], actors: [] }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(
      s.service.createAnnotation({
        sourceId,
        kind: 'claim',
        start: 0,
        end: 5,
        tagIds: [],
        actors: [],
        status: 'maybe',
      }),
    ).rejects.toThrow(/Unknown status "maybe"/);
  });

  it('anchors a quote typed with plain quotes and spaces into typographic text', async () => {
    const { s, sourceId } = await withSource();
    const a = await s.service.addClaimByQuote({
      sourceId,
      quote: `Police said 14 injured people were taken to hospital. Saltmarsh's mayor`,
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 0,
    });
    expect(a.target.exact).toBe('Police said 14\u00a0injured people were taken to hospital. Saltmarsh’s mayor');
  });

  it('uses prefix order for a repeated quote and picks the requested occurrence', async () => {
    const { s, sourceId } = await withSource();
    const first = await s.service.addClaimByQuote({
      sourceId,
      quote: 'We will not accept new quotas before spring.',
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 0,
    });
    const second = await s.service.addClaimByQuote({
      sourceId,
      quote: 'We will not accept new quotas before spring.',
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 1,
    });
    expect(second.target.start).toBeGreaterThan(first.target.start);
    expect(second.target.prefix).toContain('repeated');
    await expect(
      s.service.addClaimByQuote({
        sourceId,
        quote: 'We will not accept new quotas before spring.',
        kind: 'claim',
        tags: [],
        actors: [],
        occurrence: 2,
      }),
    ).rejects.toThrow(/occurs 2 time/);
  });

  it('never guesses: a quote that is not in the source is an error and adds nothing', async () => {
    const { s, sourceId } = await withSource();
    await expect(
      s.service.addClaimByQuote({
        sourceId,
        quote: 'We will accept new quotas before spring.',
        kind: 'claim',
        tags: [],
        actors: [],
        occurrence: 0,
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect((await s.service.getSource({ id: sourceId })).annotations).toEqual([]);
    expect(await s.service.listTags({})).toEqual([]);
  });

  it('creates unknown tags and actors by name, and resolves known actors through aliases', async () => {
    const { s, sourceId } = await withSource();
    const a = await s.service.addClaimByQuote({
      sourceId,
      quote: 'We will not accept new quotas before spring.',
      kind: 'claim',
      tags: ['Quotas', 'quotas'],
      actors: [{ name: 'Anna Lindqvist', role: 'speaker', stance: 'opposes', kind: 'person' }],
      status: 'disputed',
      occurrence: 0,
    });
    const tags = await s.service.listTags({});
    expect(tags.map((t) => t.name)).toEqual(['Quotas']);
    expect(a.tagIds).toEqual([tags[0]!.id]);
    expect(a.status).toBe('disputed');
    const actorId = a.actors[0]!.actorId;
    expect(a.actors[0]).toEqual({ actorId, role: 'speaker', stance: 'opposes' });
    // Give the actor an alias, then refer to it by the alias (inflected, as in Swedish text).
    await s.store.updateManifest((m) => void (m.actors.find((x) => x.id === actorId)!.aliases = ['Lindqvist']));
    const b = await s.service.addClaimByQuote({
      sourceId,
      quote: 'a dark day for the coast',
      kind: 'claim',
      tags: [],
      actors: [{ name: 'Lindqvists', role: 'subject' }],
      occurrence: 0,
    });
    expect(b.actors[0]!.actorId).toBe(actorId);
    expect(s.store.manifest.actors).toHaveLength(1);
  });

  it('updates, merges and deletes tags everywhere, with counts, all undoable', async () => {
    const { s, sourceId } = await withSource();
    const ports = await s.service.createTag({ name: 'Ports' });
    const harbours = await s.service.createTag({ name: 'Harbours', parentId: ports.id });
    const a = await s.service.addClaimByQuote({
      sourceId,
      quote: 'a dark day for the coast',
      kind: 'claim',
      tags: ['Harbours'],
      actors: [],
      occurrence: 0,
    });
    expect(a.tagIds).toEqual([harbours.id]);
    await expect(s.service.updateTag({ id: ports.id, parentId: harbours.id })).rejects.toThrow(/under itself/);
    expect(await s.service.tagUsage({ id: harbours.id })).toEqual({ annotations: 1, sources: 1 });
    expect(await s.service.mergeTags({ fromId: harbours.id, intoId: ports.id })).toEqual({ annotationsChanged: 1 });
    expect((await s.service.getSource({ id: sourceId })).annotations[0]!.tagIds).toEqual([ports.id]);
    expect((await s.service.listTags({})).map((t) => t.name)).toEqual(['Ports']);
    await s.service.undo({});
    expect((await s.service.getSource({ id: sourceId })).annotations[0]!.tagIds).toEqual([harbours.id]);
    expect(await s.service.deleteTag({ id: harbours.id })).toEqual({ annotationsChanged: 1 });
    expect((await s.service.getSource({ id: sourceId })).annotations[0]!.tagIds).toEqual([]);
  });

  it('refuses a tag name that folds to an existing one (the name lookups would not tell them apart), naming that tag', async () => {
    const { s } = await withSource();
    const safety = await s.service.createTag({ name: 'Säkerhet' });
    await expect(s.service.createTag({ name: 'sakerhet' })).rejects.toThrow('A tag named “Säkerhet” already exists.');
    const other = await s.service.createTag({ name: 'Ports' });
    await expect(s.service.updateTag({ id: other.id, name: 'SÄKERHET' })).rejects.toThrow(
      'A tag named “Säkerhet” already exists.',
    );
    expect(await s.service.updateTag({ id: safety.id, name: 'säkerhet' })).toMatchObject({ name: 'säkerhet' });
  });

  it('edits status, note and kind; deleting removes its relations', async () => {
    const { s, sourceId } = await withSource();
    const a = await s.service.addClaimByQuote({
      sourceId,
      quote: 'Her counterpart disagreed.',
      kind: 'claim',
      tags: [],
      actors: [],
      occurrence: 0,
    });
    const note = {
      type: 'doc' as const,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Check with the ministry.' }] }],
    };
    const updated = await s.service.updateAnnotation({ sourceId, id: a.id, patch: { status: 'corroborated', note } });
    expect(updated.status).toBe('corroborated');
    expect(updated.note).toEqual(note);
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(a.updatedAt));
    const cleared = await s.service.updateAnnotation({ sourceId, id: a.id, patch: { note: null, kind: 'highlight' } });
    expect(cleared.note).toBeUndefined();
    expect(cleared.kind).toBe('highlight');
    await s.store.updateManifest(
      (m) => void m.relations.push({ id: 'rel_1', from: a.id, to: 'ann_elsewhere', type: 'corroborates' }),
    );
    await s.service.deleteAnnotation({ sourceId, id: a.id });
    expect((await s.service.getSource({ id: sourceId })).annotations).toEqual([]);
    expect(s.store.manifest.relations).toEqual([]);
  });
});

describe('dossier claim add', () => {
  it('prints the new annotation, and fails with one line when the quote is absent', async () => {
    const { s, sourceId, dir } = await withSource();
    await s.close();
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += `${t}\n`), err: (t: string) => (err += `${t}\n`), isTTY: false };
    const code = await main(
      [
        '--notebook',
        dir,
        'claim',
        'add',
        sourceId,
        '--quote',
        "Saltmarsh's mayor called it",
        '--tag',
        'Reactions',
        '--actor',
        'USA:s:subject',
        '--actor',
        'Anna Lindqvist:speaker:opposes',
        '--status',
        'disputed',
        '--json',
      ],
      io,
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const a = Annotation.parse(JSON.parse(out));
    expect(a.target.exact).toBe('Saltmarsh’s mayor called it');
    expect(a.actors.map((x) => x.role)).toEqual(['subject', 'speaker']);
    expect(a.actors[1]!.stance).toBe('opposes');
    out = '';
    const bad = await main(['--notebook', dir, 'claim', 'add', sourceId, '--quote', 'not in the article at all'], io);
    expect(bad).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^dossier: The quote is not in/);
    const badActor = await main(
      ['--notebook', dir, 'claim', 'add', sourceId, '--quote', 'Her counterpart', '--actor', 'Nobody'],
      io,
    );
    expect(badActor).toBe(2);
  });
});
