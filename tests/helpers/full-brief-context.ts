/**
 * A brief context of every claim of every source of the notebook at `dir`, its files read whole
 * from disk: what a draft or an export saw before contexts kept only the claims they use.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { briefContextFromFiles } from '../../main/services/briefs/index';
import type { BriefContext } from '../../shared/brief-doc';
import type { NotebookManifest, SourceFile } from '../../shared/model';

export async function fullBriefContext(dir: string): Promise<BriefContext> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'notebook.json'), 'utf8')) as NotebookManifest;
  const files = await Promise.all(
    manifest.sources.map(
      async (s) => JSON.parse(await readFile(path.join(dir, 'sources', `${s.id}.json`), 'utf8')) as SourceFile,
    ),
  );
  return briefContextFromFiles(manifest, files);
}
