/**
 * Damaged and hostile REFI-QDA files: each is refused with a message that says
 * what is wrong, and the notebook's files are byte for byte as before.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { qdcImporter, qdpxImporter } from '../../../main/services/interop/qda';
import { readZip } from '../../../main/services/interop/qda/zip';
import { fillQdaNotebook } from '../../fixtures/interop/qda-notebook';
import { exportAs, importFile, openNotebook, type Opened } from './qda-helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The notebook's own files (derived data under .cache/ aside), by content. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || path.relative(dir, full).startsWith('.cache')) continue;
    out[path.relative(dir, full)] = (await readFile(full)).toString('base64');
  }
  return out;
}

let valid: { files: Record<string, Uint8Array>; qde: string } | undefined;
/** The entries of a valid export of the fixture notebook (made once). */
async function validExport() {
  if (!valid) {
    const nb = await openNotebook(cleanups, 'source.dossier');
    await fillQdaNotebook(nb.session.service);
    const files = unzipSync((await exportAs(nb.session, 'qdpx')).bytes);
    valid = { files, qde: new TextDecoder().decode(files['project.qde']) };
  }
  return valid;
}

function zip(entries: Record<string, Uint8Array | string>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(entries)) z[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(z);
}

/** A notebook with one source and a claim already, so "nothing changed" is checked on real content. */
let target: Opened | undefined;
async function targetNotebook(): Promise<Opened> {
  target = await openNotebook(cleanups, 'target.dossier');
  await target.session.service.importFiles({
    files: [{ name: 'own.txt', bytes: strToU8('A fictional note about tides.\n\nIt has two paragraphs.') }],
  });
  return target;
}

/** Imports `bytes` as `name` through the API: the reader named takes it, refuses it with `message`, and nothing changes. */
async function expectRefused(bytes: Uint8Array, name: string, message: RegExp, importer = qdpxImporter) {
  const nb = target ?? (await targetNotebook());
  expect(importer.detect(bytes, name)).toBe(true);
  const before = await filesOf(nb.dir);
  const tags = nb.session.store.manifest.tags.length;
  const result = await importFile(nb.session, name, bytes);
  expect(result.interop).toEqual([]);
  expect(result.added).toEqual([]);
  expect(result.rejected).toEqual([{ name, reason: expect.stringMatching(message) }]);
  expect(await filesOf(nb.dir)).toEqual(before);
  expect(nb.session.store.manifest.tags.length).toBe(tags);
}

// Each file's first notebook starts the import worker, slow on a loaded machine.
describe('REFI-QDA hostile input', { timeout: 120_000 }, () => {
  afterEach(() => {
    target = undefined;
  });

  it('refuses a zip bomb (an entry compressed far past any text) before inflating it all', async () => {
    const { files } = await validExport();
    const name = Object.keys(files).find((n) => n.startsWith('Sources/'))!;
    const bomb = zip({ ...files, [name]: new Uint8Array(8 * 1024 * 1024).fill(0x20) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expectRefused(bomb, 'bomb.qdpx', /compressed more than 200:1 \(a zip bomb\?\)/);
  });

  it('caps each entry and the whole archive by bytes actually inflated, whatever the headers claim', () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
    const archive = zip({ 'a.txt': data, 'b.txt': data });
    const limits = { maxEntries: 10, maxEntryBytes: 1_000_000, maxTotalBytes: 400_000, maxRatio: 1000 };
    expect(() => readZip(archive, () => true, 'x.qdpx', limits)).toThrow(/more than 400000 bytes in all/);
    expect(() => readZip(archive, () => true, 'x.qdpx', { ...limits, maxEntryBytes: 100_000 })).toThrow(
      /would unpack to more than 100000 bytes|unpacks to more than 100000 bytes/,
    );
    // Headers that understate the size do not help: the local header's size fields say 10 bytes.
    const lying = archive.slice();
    const view = new DataView(lying.buffer);
    view.setUint32(22, 10, true); // uncompressed size of the first local header
    expect(() => readZip(lying, () => true, 'x.qdpx', { ...limits, maxEntryBytes: 100_000 })).toThrow(
      /unpacks to more than 100000 bytes|damaged/,
    );
    expect(() => readZip(archive, () => true, 'x.qdpx', { ...limits, maxEntries: 1 })).toThrow(/more than 1 entries/);
  });

  it.each([
    ['../evil.txt', /“\.\.\/evil\.txt”/],
    ['/etc/passwd', /an absolute path/],
    ['Sources\\..\\..\\evil.txt', /a backslash/],
    ['C:/Windows/evil.txt', /an absolute path/],
  ])('refuses an archive with the entry name %s', async (entry, message) => {
    const { files } = await validExport();
    await expectRefused(zip({ ...files, [entry]: 'x' }), 'traversal.qdpx', message);
  });

  it('refuses a source path that leaves the archive or climbs out of Sources/', async () => {
    const { files, qde } = await validExport();
    const climbing = qde.replace(/plainTextPath="internal:\/\/[^"]+"/, 'plainTextPath="internal://../../etc/passwd"');
    await expectRefused(
      zip({ ...files, 'project.qde': climbing }),
      'climb.qdpx',
      /a "\.\." segment.*Nothing was imported/,
    );
    const outside = qde.replace(/plainTextPath="internal:\/\/[^"]+"/, 'plainTextPath="absolute:///etc/passwd"');
    await expectRefused(zip({ ...files, 'project.qde': outside }), 'abs.qdpx', /points outside the archive/);
  });

  it('refuses a DOCTYPE (entity expansion) in the project and in a codebook', async () => {
    const { files, qde } = await validExport();
    const laughs =
      '<!DOCTYPE Project [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const withDoctype = qde.replace('<Project ', `${laughs}\n<Project `).replace('name="nb"', 'name="&c;"');
    await expectRefused(zip({ ...files, 'project.qde': withDoctype }), 'laughs.qdpx', /DOCTYPE declaration/);
    const external = `<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-0000-0000-000000000001" name="&x;" isCodable="true"/></Codes></CodeBook>`;
    const bytes = strToU8(external);
    expect(qdcImporter.detect(bytes, 'x.qdc')).toBe(true);
    await expectRefused(bytes, 'x.qdc', /DOCTYPE declaration/, qdcImporter);
  });

  it('refuses the wrong namespace, with the namespace it found', async () => {
    const { files, qde } = await validExport();
    const wrong = qde.replace('xmlns="urn:QDA-XML:project:1.0"', 'xmlns="urn:QDA-XML:project:0.9"');
    await expectRefused(
      zip({ ...files, 'project.qde': wrong }),
      'ns.qdpx',
      /namespace “urn:QDA-XML:project:0\.9”, not Project in “urn:QDA-XML:project:1\.0”/,
    );
    const codebook = strToU8('<CodeBook xmlns="urn:example:other"><Codes/></CodeBook>');
    expect(qdcImporter.detect(codebook, 'c.qdc')).toBe(true);
    await expectRefused(codebook, 'c.qdc', /not a REFI-QDA codebook.*urn:example:other/, qdcImporter);
  });

  it('refuses a project whose source file is missing, naming it', async () => {
    const { files } = await validExport();
    const name = Object.keys(files).find((n) => n.startsWith('Sources/'))!;
    const rest = Object.fromEntries(Object.entries(files).filter(([n]) => n !== name));
    await expectRefused(
      zip(rest),
      'missing.qdpx',
      new RegExp(`refers to ${name.replace('.', '\\.')}, which the archive does not contain`),
    );
  });

  it('refuses damaged XML, a zip without project.qde, and bytes that are not a zip', async () => {
    const { files, qde } = await validExport();
    await expectRefused(
      zip({ ...files, 'project.qde': qde.slice(0, qde.length / 2) }),
      'cut.qdpx',
      /not well-formed XML/,
    );
    await expectRefused(zip({ 'Sources/a.txt': 'x' }), 'empty.qdpx', /has no project\.qde/);
    // Not a zip at all: no reader takes it, and a file named .qdpx is refused rather than read as an article.
    const plain = await importFile(target!.session, 'plain.qdpx', strToU8('not a zip at all'));
    expect(plain.rejected).toEqual([{ name: 'plain.qdpx', reason: expect.stringMatching(/not a file Dossier reads/) }]);
    expect(qdpxImporter.detect(strToU8('not a zip at all'), 'plain.txt')).toBe(false);
  });
});
