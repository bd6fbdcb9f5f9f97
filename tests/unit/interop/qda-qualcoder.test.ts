/**
 * "Opens in QualCoder": QualCoder cannot run here, so these tests check the
 * rules its REFI-QDA importer (refi.py, RefiImport) follows, on Dossier's
 * export, and import a project written the way QualCoder, NVivo and MAXQDA
 * write them.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { qdpxImporter } from '../../../main/services/interop/qda';
import { readProject } from '../../../main/services/interop/qda/read';
import { translatorFor } from '../../../main/services/settings/language';
import { fillQdaNotebook } from '../../fixtures/interop/qda-notebook';
import { describeNotebook, exportAs, importFile, openNotebook } from './qda-helpers';

const NS = 'urn:QDA-XML:project:1.0';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const el = (doc: Document, name: string) => [...doc.getElementsByTagNameNS(NS, name)];

// Each file's first notebook starts the import worker, slow on a loaded machine.
describe('REFI-QDA for QualCoder', { timeout: 120_000 }, () => {
  it('writes what QualCoder’s importer needs', async () => {
    const nb = await openNotebook(cleanups);
    await fillQdaNotebook(nb.session.service);
    const files = unzipSync((await exportAs(nb.session, 'qdpx')).bytes);
    const doc = new new JSDOM('').window.DOMParser().parseFromString(
      new TextDecoder().decode(files['project.qde']),
      'application/xml',
    );
    // parse_project_tag calls origin.upper().
    expect(doc.documentElement.getAttribute('origin')).toBe('Dossier');
    const users = el(doc, 'User').map((u) => u.getAttribute('guid'));
    for (const e of doc.querySelectorAll('[creatingUser]')) expect(users).toContain(e.getAttribute('creatingUser'));
    const codeGuids = el(doc, 'Code').map((c) => c.getAttribute('guid'));
    for (const source of el(doc, 'TextSource')) {
      // name_creating_user_create_date_source_path_helper: folder + "/Sources" + plainTextPath.split('internal:/')[1].
      const plain = source.getAttribute('plainTextPath')!;
      const entry = `Sources${plain.split('internal:/')[1]}`;
      expect(Object.keys(files)).toContain(entry);
      // load_text_source adds a character per line when the text has Windows line endings.
      expect(new TextDecoder().decode(files[entry])).not.toContain('\r');
    }
    // load_codings_for_text: the Coding's first child is the CodeRef, to a code of the codebook.
    for (const coding of el(doc, 'Coding')) {
      expect(coding.firstElementChild!.localName).toBe('CodeRef');
      expect(codeGuids).toContain(coding.firstElementChild!.getAttribute('targetGUID'));
    }
    // parse_notes: a note needs a date; insert_annotation: PlainTextContent and a PlainTextSelection, reached
    // through a NoteRef of the TextSource, at the annotated passage.
    const notes = el(doc, 'Note');
    expect(notes).toHaveLength(2);
    for (const note of notes) {
      expect(note.getAttribute('creationDateTime') ?? note.getAttribute('modifiedDateTime')).toBeTruthy();
      const passage = [...note.children].find((c) => c.localName === 'PlainTextSelection')!;
      const source = el(doc, 'TextSource').find((s) =>
        [...s.children].some(
          (c) => c.localName === 'NoteRef' && c.getAttribute('targetGUID') === note.getAttribute('guid'),
        ),
      )!;
      const annotated = [...source.children].find(
        (c) =>
          c.localName === 'PlainTextSelection' &&
          [...c.children].some(
            (n) => n.localName === 'NoteRef' && n.getAttribute('targetGUID') === note.getAttribute('guid'),
          ),
      )!;
      expect([passage.getAttribute('startPosition'), passage.getAttribute('endPosition')]).toEqual([
        annotated.getAttribute('startPosition'),
        annotated.getAttribute('endPosition'),
      ]);
    }
    // clean_up_case_codes_and_case_text deletes codes whose GUID is a case's; nameless cases are file variables.
    for (const c of el(doc, 'Case')) {
      expect(codeGuids).not.toContain(c.getAttribute('guid'));
      expect(c.getAttribute('name')).toBeTruthy();
    }
    // sub_codes: a non-codable code is a category; Dossier's groups are categories of codable codes.
    for (const group of el(doc, 'Code').filter((c) => c.getAttribute('isCodable') === 'false')) {
      expect(['Status', 'Kind']).toContain(group.getAttribute('name'));
      for (const child of group.children) expect(child.getAttribute('isCodable')).toBe('true');
    }
  });

  it('imports a project written the way QualCoder, NVivo and MAXQDA write them', async () => {
    const text =
      'Hafenbericht 🌊\n\nDer fiktive Hafen von Nordweil öffnet im Mai. „Wir sind bereit“, sagte Jana Kurz.\n';
    // Positions in code points (the emoji in the title counts one).
    const at = (s: string) => {
      const start = Array.from(text.slice(0, text.indexOf(s))).length;
      return { start, end: start + Array.from(s).length };
    };
    const claim = at('öffnet im Mai');
    const memo = at('„Wir sind bereit“');
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Nordweil" origin="QualCoder 3.6">
  <Users><User guid="{AAAAAAAA-0000-4000-8000-000000000001}" name="coder"/></Users>
  <CodeBook><Codes>
    <Code guid="{AAAAAAAA-0000-4000-8000-000000000010}" name="Häfen" isCodable="false" color="#F0A">
      <Description>Category of codes</Description>
      <Code guid="{AAAAAAAA-0000-4000-8000-000000000011}" name="Öffnung" isCodable="true" color="#1B9E77"/>
    </Code>
  </Codes></CodeBook>
  <Variables><Variable guid="aaaaaaaa-0000-4000-8000-000000000020" name="Region" typeOfVariable="Text"/></Variables>
  <Cases>
    <Case guid="aaaaaaaa-0000-4000-8000-000000000030" name="Jana Kurz"><SelectionRef targetGUID="aaaaaaaa-0000-4000-8000-000000000041"/></Case>
    <Case guid="aaaaaaaa-0000-4000-8000-000000000031"><VariableValue><VariableRef targetGUID="aaaaaaaa-0000-4000-8000-000000000020"/><TextValue>Nord</TextValue></VariableValue><SourceRef targetGUID="aaaaaaaa-0000-4000-8000-000000000040"/></Case>
  </Cases>
  <Sources>
    <TextSource guid="aaaaaaaa-0000-4000-8000-000000000040" name="Hafenbericht.txt" plainTextPath="internal://aaaaaaaa-0000-4000-8000-000000000040.txt" creatingUser="{AAAAAAAA-0000-4000-8000-000000000001}" creationDateTime="2025-03-01T10:00:00Z">
      <Description>Interview notes</Description>
      <PlainTextSelection guid="aaaaaaaa-0000-4000-8000-000000000041" name="" startPosition="${claim.start}" endPosition="${claim.end}" creatingUser="{AAAAAAAA-0000-4000-8000-000000000001}" creationDateTime="2025-03-02T09:30:00Z">
        <Description>Coding memo: check the month.</Description>
        <Coding guid="aaaaaaaa-0000-4000-8000-000000000042" creatingUser="{AAAAAAAA-0000-4000-8000-000000000001}"><CodeRef targetGUID="{AAAAAAAA-0000-4000-8000-000000000011}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="aaaaaaaa-0000-4000-8000-000000000043" name="past the end" startPosition="9000" endPosition="9010"/>
      <NoteRef targetGUID="aaaaaaaa-0000-4000-8000-000000000050"/>
    </TextSource>
    <PDFSource guid="aaaaaaaa-0000-4000-8000-000000000060" name="scan.pdf" path="internal://aaaaaaaa-0000-4000-8000-000000000060.pdf"/>
  </Sources>
  <Notes>
    <Note guid="aaaaaaaa-0000-4000-8000-000000000050" modifyingUser="{AAAAAAAA-0000-4000-8000-000000000001}" modifiedDateTime="2025-03-03T08:00:00Z">
      <PlainTextContent>An annotation on the quote.</PlainTextContent>
      <PlainTextSelection guid="aaaaaaaa-0000-4000-8000-000000000051" startPosition="${memo.start}" endPosition="${memo.end}"/>
    </Note>
  </Notes>
</Project>`;
    const bytes = zipSync({
      'project.qde': strToU8(qde),
      'sources/aaaaaaaa-0000-4000-8000-000000000040.txt': strToU8(text),
    });
    const nb = await openNotebook(cleanups);
    expect(qdpxImporter.detect(bytes, 'nordweil.zip')).toBe(true);
    const { interop, rejected } = await importFile(nb.session, 'nordweil.qdpx', bytes);
    expect(rejected).toEqual([]);
    expect(interop[0]).toMatchObject({
      sources: { added: 1, matched: 0 },
      annotations: 2,
      tags: 2,
      actors: 1,
      notes: 2,
      orphans: [{ quote: 'past the end', reason: expect.stringMatching(/positions 9000–9010 are outside/) }],
    });
    // In a Swedish interface the reason is Swedish.
    expect(readProject(bytes, 'nordweil.qdpx', translatorFor('sv')).orphans).toEqual([
      { quote: 'past the end', reason: expect.stringMatching(/^positionerna 9000–9010 ligger utanför ”/) },
    ]);
    const after = await describeNotebook(nb.session);
    expect(after.tags).toEqual([
      { path: 'Häfen', color: '#ff00aa' },
      { path: 'Häfen › Öffnung', color: '#1b9e77' },
    ]);
    expect(after.actors.map((a) => a.name)).toEqual(['Jana Kurz']);
    const [source] = after.sources;
    expect(source!.title).toBe('Hafenbericht.txt');
    expect(source!.annotations).toEqual([
      expect.objectContaining({
        kind: 'claim',
        target: expect.objectContaining({ exact: 'öffnet im Mai' }),
        tags: ['Häfen › Öffnung'],
        status: 'unverified',
        actors: [{ actor: 'Jana Kurz', role: 'mentioned', stance: undefined }],
        note: 'Coding memo: check the month.',
        createdAt: '2025-03-02T09:30:00Z',
      }),
      expect.objectContaining({
        kind: 'note',
        target: expect.objectContaining({ exact: '„Wir sind bereit“' }),
        note: 'An annotation on the quote.',
      }),
    ]);
  });
});
