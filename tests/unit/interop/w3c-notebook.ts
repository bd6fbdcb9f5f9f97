/**
 * A fictional notebook for the W3C Web Annotation tests: articles in English,
 * Swedish and French from tests/fixtures, one pasted article whose text puts
 * astral characters (emoji, 𝔘) before its quotes, a tag hierarchy with colours,
 * a custom status, actors with kinds and aliases, and claims, highlights and
 * notes that use all of them.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import type { ImportResult, InteropImportSummary } from '../../../shared/api';
import type { RichDoc } from '../../../shared/model';
import { expect } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

const FIXTURES = fileURLToPath(new URL('../../fixtures/actors', import.meta.url));

export const ASTRAL_ARTICLE = [
  'Festival 🎉 in 𝔘lvsby draws record crowds',
  '',
  'Organisers 🎶🎶 of the 𝔘lvsby festival said 40,000 visitors came this year. The mayor, Sofia Brandt, promised a new stage.',
].join('\n');

export const HARBOUR_URL = 'https://news.example.org/2026/05/harbour-cloud-deal';
export const SUMMIT_URL = 'https://actu.example.fr/cables-baltique';

export interface Opened {
  s: NotebookSession;
  dir: string;
}

/** Opens a fresh notebook in a temporary folder; `cleanups` closes and removes it after the test. */
export async function freshNotebook(cleanups: Array<() => Promise<void>>, name = 'nb.dossier'): Promise<Opened> {
  const t = await tempDir('dossier-w3c-');
  const dir = path.join(t.dir, name);
  const s = await openNotebookSession(dir);
  cleanups.push(t.cleanup, () => s.close());
  return { s, dir };
}

export async function fixtureBytes(name: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await readFile(path.join(FIXTURES, name)));
}

/** Imports files into `s`; returns the new sources' ids by file name. */
export async function importArticles(
  s: NotebookSession,
  files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }>,
): Promise<Record<string, string>> {
  const { added, rejected } = await s.service.importFiles({ files });
  if (rejected.length) throw new Error(`fixture import rejected: ${JSON.stringify(rejected)}`);
  return Object.fromEntries(added.map((src) => [src.origin.name!, src.id]));
}

/** The UTF-16 range of `quote` in the source's text (the first occurrence). */
async function range(s: NotebookSession, sourceId: string, quote: string): Promise<{ start: number; end: number }> {
  const { source } = await s.service.getSource({ id: sourceId });
  const start = source.text.indexOf(quote);
  if (start < 0) throw new Error(`fixture quote not found: ${quote}`);
  return { start, end: start + quote.length };
}

const NOTE: RichDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Check against the ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'port authority' },
        { type: 'text', text: ' minutes <draft> & ask again.' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Second source 🎯' }] }] },
      ],
    },
  ],
};

/** What importing the whole annotated notebook's export into an empty notebook reports. */
export const WHOLE_NOTEBOOK_SUMMARY = {
  format: 'w3c',
  sources: { added: 4, matched: 0 },
  annotations: 6,
  tags: 4,
  actors: 4,
  notes: 2,
  orphans: [],
} as const;

/** Builds the annotated notebook. */
export async function annotatedNotebook(
  cleanups: Array<() => Promise<void>>,
): Promise<Opened & { ids: Record<string, string> }> {
  const opened = await freshNotebook(cleanups, 'source.dossier');
  const { s } = opened;
  const ids = await importArticles(s, [
    { name: 'en-harbour.txt', bytes: await fixtureBytes('en-harbour.txt') },
    { name: 'sv-harbour.txt', bytes: await fixtureBytes('sv-harbour.txt') },
    { name: 'fr-summit.txt', bytes: await fixtureBytes('fr-summit.txt') },
    { name: 'festival.txt', bytes: new TextEncoder().encode(ASTRAL_ARTICLE) },
  ]);
  await s.service.updateSourceMeta({ id: ids['en-harbour.txt']!, patch: { url: HARBOUR_URL } });
  await s.service.updateSourceMeta({ id: ids['fr-summit.txt']!, patch: { url: SUMMIT_URL } });
  await s.service.setStatuses({
    statuses: ['unverified', 'corroborated', 'disputed', 'refuted', 'needs a second source'],
  });
  const economy = await s.service.createTag({ name: 'Economy', color: '#0072b2' });
  const shipping = await s.service.createTag({ name: 'Shipping', color: '#d55e00', parentId: economy.id });
  const security = await s.service.createTag({ name: 'Sécurité', color: '#cc79a7' });
  const culture = await s.service.createTag({ name: 'Culture', color: '#009e73' });
  const hale = await s.service.createActor({ name: 'Victor Hale', kind: 'person', aliases: ['V. Hale'], memberOf: [] });
  const ashcombe = await s.service.createActor({
    name: 'Ashcombe Marine',
    kind: 'organisation',
    aliases: ['Ashcombe'],
    description: 'A fictional shipping company.',
    color: '#8fbc5a',
    memberOf: [],
  });
  const macron = await s.service.createActor({ name: 'Emmanuel Macron', kind: 'person', aliases: [], memberOf: [] });
  const brandt = await s.service.createActor({
    name: 'Sofia Brandt',
    kind: 'person',
    aliases: ['Brandt'],
    memberOf: [],
  });

  const en = ids['en-harbour.txt']!;
  const { source: enSource } = await s.service.getSource({ id: en });
  const enQuote = enSource.text
    .split('\n')
    .find((l) => l.length > 60)!
    .split(/(?<=\.) /)[0]!;
  await s.service.createAnnotation({
    sourceId: en,
    kind: 'claim',
    ...(await range(s, en, enQuote)),
    tagIds: [shipping.id],
    status: 'needs a second source',
    actors: [
      { actorId: ashcombe.id, role: 'subject', stance: 'opposes' },
      { actorId: hale.id, role: 'speaker' },
    ],
    note: NOTE,
  });
  const sv = ids['sv-harbour.txt']!;
  await s.service.createAnnotation({
    sourceId: sv,
    kind: 'claim',
    ...(await range(s, sv, 'Ingen frågade rederierna')),
    tagIds: [shipping.id, economy.id],
    status: 'corroborated',
    actors: [{ actorId: hale.id, role: 'speaker', stance: 'supports' }],
  });
  await s.service.createAnnotation({
    sourceId: sv,
    kind: 'highlight',
    ...(await range(s, sv, 'Microsoft har fått uppdraget')),
    tagIds: [],
    actors: [],
  });
  const fr = ids['fr-summit.txt']!;
  await s.service.createAnnotation({
    sourceId: fr,
    kind: 'claim',
    ...(await range(s, fr, 'la France enverra un navire de recherche')),
    tagIds: [security.id],
    status: 'disputed',
    actors: [{ actorId: macron.id, role: 'mentioned', stance: 'neutral' }],
  });
  const fest = ids['festival.txt']!;
  await s.service.createAnnotation({
    sourceId: fest,
    kind: 'claim',
    ...(await range(s, fest, '40,000 visitors came this year')),
    tagIds: [culture.id],
    actors: [{ actorId: brandt.id, role: 'subject' }],
  });
  await s.service.createAnnotation({
    sourceId: fest,
    kind: 'note',
    ...(await range(s, fest, 'promised a new stage')),
    tagIds: [],
    actors: [{ actorId: brandt.id, role: 'speaker' }],
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Which stage? 𝔘 asks.' }] }] },
  });
  return { ...opened, ids };
}

/** The file without the sources' text: as a tool that only names its sources writes it. */
export function namesOnly(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const doc = JSON.parse(new TextDecoder().decode(bytes)) as { 'dossier:sources': Array<Record<string, unknown>> };
  for (const source of doc['dossier:sources']) delete source['dossier:text'];
  return new TextEncoder().encode(JSON.stringify(doc));
}

/** The notebook's W3C export through the API, as File › Export and the CLI get it. */
export async function exportFrom(s: NotebookSession, input: { sourceIds?: string[] } = {}) {
  const { bytes, items } = await s.service.exportInterop({ format: 'w3c', ...input });
  return { bytes, items };
}

/** Imports a file through the API's import (detection, then the W3C reader in its own undo step). */
export function importResult(
  s: NotebookSession,
  bytes: Uint8Array,
  name = 'annotations.jsonld',
): Promise<ImportResult> {
  // No copy when the bytes own their buffer (the huge-file test passes 256 MB).
  const own = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  return s.service.importFiles({ files: [{ name, bytes: own }] });
}

/** Like importResult, for a file that must be taken: its summary. */
export async function importInto(
  s: NotebookSession,
  bytes: Uint8Array,
  name = 'annotations.jsonld',
): Promise<InteropImportSummary> {
  const result = await importResult(s, bytes, name);
  if (result.rejected.length) throw new Error(`import rejected: ${JSON.stringify(result.rejected)}`);
  expect(result.interop).toHaveLength(1);
  return result.interop![0]!;
}

/** Everything a person would compare after a round trip, in a stable order. */
export async function contents(s: NotebookSession) {
  const m = s.store.manifest;
  const files = [];
  for (const head of [...m.sources].sort((a, b) => a.id.localeCompare(b.id)))
    files.push(await s.store.loadSource(head.id));
  return {
    statuses: m.statuses,
    tags: [...m.tags].sort((a, b) => a.id.localeCompare(b.id)),
    actors: [...m.actors].sort((a, b) => a.id.localeCompare(b.id)),
    sources: files.map((f) => f.source),
    annotations: files.flatMap((f) => [...f.annotations].sort((a, b) => a.id.localeCompare(b.id))),
  };
}

/** The notebook's files (not the search cache): compare before and after a refused import. */
export async function notebookFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  out['notebook.json'] = await readFile(path.join(dir, 'notebook.json'), 'utf8');
  for (const f of await readdir(path.join(dir, 'sources')).catch(() => [])) {
    out[`sources/${f}`] = await readFile(path.join(dir, 'sources', f), 'utf8');
  }
  out.history = await readFile(path.join(dir, '.cache', 'history.jsonl'), 'utf8').catch(() => '');
  return out;
}
