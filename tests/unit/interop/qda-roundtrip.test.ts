import { afterEach, describe, expect, it } from 'vitest';
import { qdcImporter, qdpxImporter } from '../../../main/services/interop/qda';
import { fillQdaNotebook } from '../../fixtures/interop/qda-notebook';
import { describeNotebook, exportAs, importFile, openNotebook } from './qda-helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// Each file's first notebook starts the import worker, slow on a loaded machine.
describe('REFI-QDA round trip', { timeout: 120_000 }, () => {
  it('export .qdpx → import into an empty notebook keeps sources, anchors, tags, statuses, notes and actor links', async () => {
    const a = await openNotebook(cleanups, 'a.dossier');
    await fillQdaNotebook(a.session.service);
    const before = await describeNotebook(a.session);
    const { bytes, items, fileName } = await exportAs(a.session, 'qdpx');
    expect(fileName).toMatch(/\.qdpx$/);
    expect(items).toBe(6);

    const b = await openNotebook(cleanups, 'b.dossier');
    const empty = await describeNotebook(b.session);
    expect(empty.sources).toEqual([]);
    expect(qdpxImporter.detect(bytes, 'renamed.bin')).toBe(true);
    const result = await importFile(b.session, 'project.qdpx', bytes);
    expect(result.rejected).toEqual([]);
    expect(result.interop).toHaveLength(1);
    expect(result.interop[0]).toMatchObject({
      file: 'project.qdpx',
      format: 'qdpx',
      sources: { added: 3, matched: 0 },
      annotations: 6,
      tags: 4,
      actors: 4,
      notes: 2,
      orphans: [],
    });
    const after = await describeNotebook(b.session);
    expect(after).toEqual(before);
    // The astral characters are really in play: the Finnish claim sits after an emoji and an ideograph.
    const fi = after.sources.find((s) => s.language === 'fi' || s.text.includes('🌊'))!;
    expect(fi.annotations.map((x) => x.target.exact)).toEqual(['lautta 𠮷 kulkee', 'Aikataulu pitää 🌊 koko kesän.']);
    // The file was one undo step: undoing it leaves the empty notebook.
    await b.session.service.undo({});
    expect(await describeNotebook(b.session)).toEqual(empty);
  });

  it('importing the same project again matches its sources and adds nothing twice', async () => {
    const a = await openNotebook(cleanups, 'a.dossier');
    await fillQdaNotebook(a.session.service);
    const { bytes } = await exportAs(a.session, 'qdpx');
    const before = await describeNotebook(a.session);
    const { interop } = await importFile(a.session, 'project.qdpx', bytes);
    expect(interop[0]).toMatchObject({ sources: { added: 0, matched: 3 }, annotations: 0, tags: 0, actors: 0 });
    expect(await describeNotebook(a.session)).toEqual(before);
  });

  it('exports only the sources asked for, with the actors their claims link', async () => {
    const a = await openNotebook(cleanups, 'a.dossier');
    const { sourceIds } = await fillQdaNotebook(a.session.service);
    const { bytes, items } = await exportAs(a.session, 'qdpx', [sourceIds[1]!]);
    expect(items).toBe(2);
    const b = await openNotebook(cleanups, 'b.dossier');
    await importFile(b.session, 'p.qdpx', bytes);
    const after = await describeNotebook(b.session);
    expect(after.sources.map((s) => s.title)).toEqual([
      (await a.session.service.getSource({ id: sourceIds[1]! })).source.title,
    ]);
    expect(after.actors.map((x) => x.name)).toEqual(['Élodie Marchand']);
    await expect(exportAs(a.session, 'qdpx', ['src_nope'])).rejects.toMatchObject({ code: 'not-found' });
  });

  it('.qdc codebook export → import gives the same tags (hierarchy, colours) and statuses', async () => {
    const a = await openNotebook(cleanups, 'a.dossier');
    await fillQdaNotebook(a.session.service);
    const { bytes, items } = await exportAs(a.session, 'qdc');
    expect(items).toBe(4);
    expect(qdcImporter.detect(bytes, 'x.xml')).toBe(true);
    const b = await openNotebook(cleanups, 'b.dossier');
    const { interop } = await importFile(b.session, 'codebook.qdc', bytes);
    expect(interop[0]).toMatchObject({ format: 'qdc', tags: 4, sources: { added: 0, matched: 0 }, annotations: 0 });
    const [before, after] = [await describeNotebook(a.session), await describeNotebook(b.session)];
    expect(after.tags).toEqual(before.tags);
    expect(after.statuses).toEqual(before.statuses);
  });
});
