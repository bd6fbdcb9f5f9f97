/**
 * An exported brief names who publishes it as the file's author: the
 * notebook's fact-check organisation when it has one, else the organisation
 * in the person's settings, else no one — in DOCX (core properties), PDF
 * (document info) and HTML (<meta name="author">).
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { callApi, openNotebookSession, type NotebookSession } from '../../../main/services/session';
import { docNode, paragraphNode, textNode } from '../../../shared/brief-doc';
import { tempDir } from '../../helpers/temp-dir';

let session: NotebookSession;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  const t = await tempDir('dossier-brief-organisation-');
  ({ dir, cleanup } = t);
  session = await openNotebookSession(path.join(dir, 'n.dossier'), { settingsDir: path.join(dir, 'config') });
});
afterEach(async () => {
  await session.close();
  await cleanup();
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await callApi(session.service, method as never, input as never);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** The author each format names. */
async function authors(briefId: string): Promise<{ docx: string; pdf: string; html: string }> {
  const bytes = async (format: string) => (await call<{ bytes: Uint8Array }>('exportBrief', { briefId, format })).bytes;
  const core = strFromU8(unzipSync(await bytes('docx'))['docProps/core.xml']!);
  const pdfFile = path.join(dir, 'brief.pdf');
  await writeFile(pdfFile, await bytes('pdf'));
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  const html = new TextDecoder().decode(await bytes('html'));
  return {
    docx: /<dc:creator>([^<]*)<\/dc:creator>/.exec(core)?.[1] ?? '',
    pdf: /^Author:\s*(.*)$/m.exec(info)?.[1]?.trim() ?? '',
    html: /<meta name="author" content="([^"]*)">/.exec(html)?.[1] ?? '',
  };
}

it('names the organisation of the settings, unless the notebook names its own', async () => {
  const brief = await call<{ id: string }>('createBrief', {
    title: 'Harbour',
    doc: docNode([paragraphNode([textNode('The harbour reopens in spring.')])]),
  });
  expect(await authors(brief.id)).toEqual({ docx: 'Dossier', pdf: '', html: '' });

  await call('updateSettings', { organisation: 'Northfield Fact Desk & Co' });
  expect(await authors(brief.id)).toEqual({
    docx: 'Northfield Fact Desk &amp; Co',
    pdf: 'Northfield Fact Desk & Co',
    html: 'Northfield Fact Desk &amp; Co',
  });

  await call('setFactCheckSettings', { organisation: { name: 'Harbour Watch', url: 'https://example.org/checks' } });
  expect(await authors(brief.id)).toEqual({ docx: 'Harbour Watch', pdf: 'Harbour Watch', html: 'Harbour Watch' });
});
