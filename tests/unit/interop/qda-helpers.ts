/** Opening notebooks and describing them by content (not ids) for the REFI-QDA tests. */
import path from 'node:path';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';
import type { Tag } from '../../../shared/model';
import { richDocToText } from '../../../shared/text/rich-doc';
import { tempDir } from '../../helpers/temp-dir';

export interface Opened {
  session: NotebookSession;
  dir: string;
}

export async function openNotebook(cleanups: Array<() => Promise<void>>, name = 'nb.dossier'): Promise<Opened> {
  const t = await tempDir('dossier-qda-');
  const dir = path.join(t.dir, name);
  const session = await openNotebookSession(dir);
  cleanups.push(t.cleanup, () => session.close());
  return { session, dir };
}

/** Exports the notebook in `format` through the API: the file's bytes and how many items it holds. */
export async function exportAs(session: NotebookSession, format: 'qdpx' | 'qdc', sourceIds?: string[]) {
  const { bytes, items, fileName } = await session.service.exportInterop({
    format,
    ...(sourceIds ? { sourceIds } : {}),
  });
  return { bytes, items, fileName };
}

/** Imports one file through the API's import (which offers it to the format readers first). */
export async function importFile(session: NotebookSession, name: string, bytes: Uint8Array) {
  const result = await session.service.importFiles({ files: [{ name, bytes: new Uint8Array(bytes) }] });
  return { ...result, interop: result.interop ?? [] };
}

function tagPath(tags: readonly Tag[], tag: Tag): string {
  const parent = tag.parentId ? tags.find((t) => t.id === tag.parentId) : undefined;
  return parent ? `${tagPath(tags, parent)} › ${tag.name}` : tag.name;
}

/** Everything a round trip must keep, by content: sources, annotations (exact anchors), tags, statuses, actors, notes. */
export async function describeNotebook(session: NotebookSession) {
  const m = session.store.manifest;
  const tags = m.tags
    .map((t) => ({ path: tagPath(m.tags, t), color: t.color }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const actorName = (id: string) => m.actors.find((a) => a.id === id)?.name ?? `?${id}`;
  const actors = m.actors
    .map((a) => ({
      name: a.name,
      kind: a.kind,
      aliases: a.aliases,
      description: a.description,
      memberOf: a.memberOf.map(actorName),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const sources = [];
  for (const meta of [...m.sources].sort((a, b) => a.title.localeCompare(b.title))) {
    const { source, annotations } = await session.store.loadSource(meta.id);
    sources.push({
      title: source.title,
      language: source.language,
      text: source.text,
      annotations: [...annotations]
        .sort((a, b) => a.target.start - b.target.start)
        .map((a) => ({
          kind: a.kind,
          target: a.target,
          tags: a.tagIds
            .map((id) =>
              tagPath(
                m.tags,
                m.tags.find((t) => t.id === id)!,
              ),
            )
            .sort(),
          status: a.status,
          // Compared as a set: REFI-QDA keeps links per case, not their order on a claim.
          actors: a.actors
            .map((l) => ({ actor: actorName(l.actorId), role: l.role, stance: l.stance }))
            .sort((x, y) => `${x.actor} ${x.role}`.localeCompare(`${y.actor} ${y.role}`)),
          // An empty note document and no note are the same to a reader.
          note: (a.note && richDocToText(a.note)) || undefined,
          createdAt: a.createdAt,
        })),
    });
  }
  return { statuses: m.statuses, tags, actors, sources };
}
