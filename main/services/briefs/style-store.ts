/**
 * The citation styles a notebook offers: the built-in ones and the `.csl`
 * files in its `styles/` folder (added from the brief editor, `dossier brief
 * style add`, or copied there by hand). A style file is read with the store's
 * guards — no links followed, at most 1 MB — and checked by citeproc before it
 * is used or added.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CitationStyleInfo } from '../../../shared/api/briefs';
import { DossierError } from '../../../shared/errors';
import { readFileNoFollow, refuseLink, writeFileDurably } from '../store/atomic-json-file';
import { BUILT_IN_STYLES, DEFAULT_STYLE, MAX_STYLE_BYTES, styleTitle } from './style-catalog';
import type { StyleSource } from './index';

export const STYLES_DIR = 'styles';
/** At most this many style files are listed. */
const MAX_STYLE_FILES = 200;

function kindOf(xml: string): CitationStyleInfo['kind'] {
  return /<style\b[^>]{0,2000}\bclass="note"/.test(xml) ? 'note' : 'in-text';
}

const BUILT_IN_TITLES: Record<string, string> = {
  'chicago-notes': 'Chicago notes and bibliography',
  apa: 'APA (author-date)',
};

function builtIn(id: string): CitationStyleInfo {
  const xml = BUILT_IN_STYLES[id]!;
  return { id, title: BUILT_IN_TITLES[id] ?? styleTitle(xml, id), kind: kindOf(xml), origin: 'built-in' };
}

/** Built-in styles first (the default first of all), then the notebook's, by title. */
export async function listStyles(notebookDir: string): Promise<CitationStyleInfo[]> {
  const builtIns = [DEFAULT_STYLE, ...Object.keys(BUILT_IN_STYLES).filter((id) => id !== DEFAULT_STYLE)].map(builtIn);
  const dir = path.join(notebookDir, STYLES_DIR);
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => n.toLowerCase().endsWith('.csl') && !n.startsWith('.'))
    .sort()
    .slice(0, MAX_STYLE_FILES);
  const own: CitationStyleInfo[] = [];
  for (const name of names) {
    const xml = await readStyleFile(path.join(dir, name)).catch(() => null);
    if (xml) own.push({ id: name, title: styleTitle(xml, name), kind: kindOf(xml), origin: 'notebook' });
  }
  own.sort((a, b) => a.title.localeCompare(b.title));
  return [...builtIns, ...own];
}

async function readStyleFile(file: string): Promise<string> {
  const xml = await readFileNoFollow(file);
  if (xml.length > MAX_STYLE_BYTES)
    throw DossierError.of('invalid-input', 'briefs.fileTooLarge', { file: path.basename(file) });
  return xml;
}

/** The style named `id` (a built-in, or a file in the notebook's styles/), ready for export. */
export async function loadStyle(notebookDir: string, id: string | undefined): Promise<StyleSource> {
  const name = id ?? DEFAULT_STYLE;
  if (BUILT_IN_STYLES[name]) return { xml: BUILT_IN_STYLES[name]!, name };
  if (name.includes('/') || name.includes('\\') || !name.toLowerCase().endsWith('.csl'))
    throw DossierError.of('not-found', 'briefs.noCitationStyle', { name, value: await available(notebookDir) });
  try {
    return { xml: await readStyleFile(path.join(notebookDir, STYLES_DIR, name)), name };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw DossierError.of('not-found', 'briefs.noCitationStyle', { name, value: await available(notebookDir) });
    throw err;
  }
}

async function available(notebookDir: string): Promise<string> {
  return `the notebook has ${(await listStyles(notebookDir)).map((s) => s.id).join(', ')}`;
}

/** A file name for a style: its name without characters file systems refuse, ending in .csl. */
function styleFileName(fileName: string): string {
  const base = path
    .basename(fileName)
    .replace(/\.csl$/i, '')
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100);
  return `${base || 'style'}.csl`;
}

/** Checks `xml` as a CSL style and saves it in the notebook's styles/ (replacing a file of the same name). */
export async function addStyle(notebookDir: string, fileName: string, xml: string): Promise<CitationStyleInfo> {
  const name = styleFileName(fileName);
  const { citationFormatter } = await import('./citation-style');
  citationFormatter(xml, [], name); // throws a clear message for anything that is not a CSL style
  const dir = path.join(notebookDir, STYLES_DIR);
  await refuseLink(dir);
  await mkdir(dir, { recursive: true });
  await writeFileDurably(path.join(dir, name), xml);
  return { id: name, title: styleTitle(xml, name), kind: kindOf(xml), origin: 'notebook' };
}
