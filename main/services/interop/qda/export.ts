/**
 * Writes a notebook as a REFI-QDA project (.qdpx: a zip of `project.qde` and
 * each source's plain text under `Sources/`) or codebook (.qdc).
 *
 * Mapping: tags → Codes (nesting and colours kept); statuses and annotation
 * kinds → a non-codable group code each with one code per value, coded on each
 * selection and listed in a Set; annotations → PlainTextSelections (code-point
 * positions) with one Coding per tag, status and kind; notes → Notes (plain
 * text) referenced by a NoteRef; actors → Cases with a SelectionRef per linked
 * selection (roles and stances in a case variable); source metadata → source
 * variables.
 */
import { ANNOTATION_KINDS, ANNOTATION_KIND_LABEL, type AnnotationKind } from '../../../../shared/enums';
import { DossierError } from '../../../../shared/errors';
import type { Actor, Annotation, NotebookManifest, SourceFile, Tag } from '../../../../shared/model';
import { richDocToText } from '../../../../shared/text/rich-doc';
import type { NotebookStore } from '../../store/notebook-store';
import {
  ACTOR_VARIABLES,
  CODEBOOK_NS,
  KIND_GROUP,
  KIND_SET,
  PROJECT_ENTRY,
  PROJECT_NS,
  PositionMap,
  SOURCE_VARIABLES,
  SOURCES_DIR,
  STATUS_GROUP,
  STATUS_SET,
  guidFor,
  type ActorVariable,
  type SourceVariable,
} from './refi';
import { writeXml, type XmlNode } from './xml';
import { writeZip } from './zip';

const ORIGIN = 'Dossier';
/** xsd:dateTime as toISOString writes it (other timestamps are left out rather than made invalid). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const RGB = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

function dateTime(value: string | undefined): string | undefined {
  return value && DATE_TIME.test(value) ? value : undefined;
}

/** The GUIDs of one notebook's records. */
class Guids {
  constructor(private readonly notebookId: string) {}
  of(kind: string, id: string): string {
    return guidFor(this.notebookId, `${kind}:${id}`);
  }
  get user() {
    return this.of('user', ORIGIN);
  }
  tag = (id: string) => this.of('tag', id);
  status = (name: string) => this.of('status', name);
  kind = (kind: AnnotationKind) => this.of('kind', kind);
  source = (id: string) => this.of('source', id);
  annotation = (id: string) => this.of('annotation', id);
  note = (id: string) => this.of('note', id);
  actor = (id: string) => this.of('actor', id);
  variable = (name: string) => this.of('variable', name);
}

/** The code tree (tags, then the status and kind groups) and the sets that name the groups. */
function codeTree(
  manifest: NotebookManifest,
  g: Guids,
  ns: 'project' | 'codebook',
): { codes: XmlNode[]; sets: XmlNode[] } {
  const known = new Set(manifest.tags.map((t) => t.id));
  const childrenOf = (parent: string | undefined): Tag[] =>
    manifest.tags.filter((t) => (t.parentId && known.has(t.parentId) ? t.parentId : undefined) === parent);
  const tagCode = (tag: Tag, seen: Set<string>): XmlNode => {
    seen.add(tag.id);
    return {
      name: 'Code',
      attrs: {
        guid: g.tag(tag.id),
        name: tag.name,
        isCodable: true,
        color: RGB.test(tag.color) ? tag.color : undefined,
      },
      children: childrenOf(tag.id)
        .filter((c) => !seen.has(c.id))
        .map((c) => tagCode(c, seen)),
    };
  };
  const seen = new Set<string>();
  const groups: Array<{ group: string; set: string; values: Array<{ guid: string; name: string }> }> = [
    { group: STATUS_GROUP, set: STATUS_SET, values: manifest.statuses.map((s) => ({ guid: g.status(s), name: s })) },
    {
      group: KIND_GROUP,
      set: KIND_SET,
      values: ANNOTATION_KINDS.map((k) => ({ guid: g.kind(k), name: ANNOTATION_KIND_LABEL[k] })),
    },
  ];
  const codes = [
    ...childrenOf(undefined).map((t) => tagCode(t, seen)),
    ...groups.map(({ group, values }): XmlNode => ({
      name: 'Code',
      attrs: { guid: g.of('group', group), name: group, isCodable: false },
      children: values.map((v) => ({ name: 'Code', attrs: { guid: v.guid, name: v.name, isCodable: true } })),
    })),
  ];
  const member = (guid: string): XmlNode =>
    ns === 'project' ? { name: 'MemberCode', attrs: { targetGUID: guid } } : { name: 'MemberCode', attrs: { guid } };
  const sets = groups.map(({ set, values }): XmlNode => ({
    name: 'Set',
    attrs: { guid: g.of('set', set), name: set },
    children: values.map((v) => member(v.guid)),
  }));
  return { codes, sets };
}

/** The .qdc codebook of the notebook's tags (and its status and kind groups). */
export function buildCodebook(manifest: NotebookManifest): { xml: string; codes: number } {
  const g = new Guids(manifest.id);
  const { codes, sets } = codeTree(manifest, g, 'codebook');
  const xml = writeXml({
    name: 'CodeBook',
    attrs: { xmlns: CODEBOOK_NS, origin: ORIGIN },
    children: [
      { name: 'Codes', children: codes },
      { name: 'Sets', children: sets },
    ],
  });
  return { xml, codes: manifest.tags.length };
}

function textValue(g: Guids, name: SourceVariable | ActorVariable, value: string | undefined): XmlNode | undefined {
  if (!value) return undefined;
  return {
    name: 'VariableValue',
    children: [
      { name: 'VariableRef', attrs: { targetGUID: g.variable(name) } },
      { name: 'TextValue', text: value },
    ],
  };
}

/** The note's plain text; an emptied note (the editor keeps an empty document) is no note. */
function noteText(a: Annotation): string | undefined {
  const text = a.note ? richDocToText(a.note).trim() : '';
  return text || undefined;
}

function selection(a: Annotation, map: PositionMap, g: Guids): XmlNode {
  const user = g.user;
  const coding = (codeGuid: string): XmlNode => ({
    name: 'Coding',
    attrs: {
      guid: guidFor(g.annotation(a.id), codeGuid),
      creatingUser: user,
      creationDateTime: dateTime(a.createdAt),
    },
    children: [{ name: 'CodeRef', attrs: { targetGUID: codeGuid } }],
  });
  const exact = a.target.exact.replace(/\s+/g, ' ').trim();
  return {
    name: 'PlainTextSelection',
    attrs: {
      guid: g.annotation(a.id),
      name: [...exact].length > 80 ? `${[...exact].slice(0, 79).join('')}…` : exact,
      startPosition: map.toCodePoint(a.target.start),
      endPosition: map.toCodePoint(a.target.end),
      creatingUser: user,
      creationDateTime: dateTime(a.createdAt),
      modifyingUser: user,
      modifiedDateTime: dateTime(a.updatedAt),
    },
    children: [
      ...a.tagIds.map((id) => coding(g.tag(id))),
      coding(g.status(a.status)),
      coding(g.kind(a.kind)),
      noteText(a) !== undefined && { name: 'NoteRef', attrs: { targetGUID: g.note(a.id) } },
    ],
  };
}

function actorCase(
  actor: Actor,
  links: Array<{ annotation: Annotation; role: string; stance?: string }>,
  g: Guids,
): XmlNode {
  const linkText = links
    .map((l) => `${g.annotation(l.annotation.id)}=${l.role}${l.stance ? `/${l.stance}` : ''}`)
    .join(' ');
  return {
    name: 'Case',
    attrs: { guid: g.actor(actor.id), name: actor.name },
    children: [
      actor.description ? { name: 'Description', text: actor.description } : undefined,
      textValue(g, 'Actor kind', actor.kind),
      textValue(g, 'Aliases', actor.aliases.join('; ')),
      textValue(g, 'Colour', actor.color),
      textValue(g, 'Member of', actor.memberOf.map((id) => g.actor(id)).join(' ')),
      textValue(g, 'Dossier links', linkText),
      ...[...new Set(links.map((l) => l.annotation.id))].map((id): XmlNode => ({
        name: 'SelectionRef',
        attrs: { targetGUID: g.annotation(id) },
      })),
    ],
  };
}

async function loadSources(store: NotebookStore, sourceIds: string[] | undefined): Promise<SourceFile[]> {
  const ids = sourceIds ?? store.manifest.sources.map((s) => s.id);
  const known = new Set(store.manifest.sources.map((s) => s.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw DossierError.of('not-found', 'interop.noSources', { value: unknown.join(', ') });
  const files: SourceFile[] = [];
  for (const id of [...new Set(ids)]) files.push(await store.loadSource(id));
  return files;
}

/** The .qdpx project of the notebook (or of `sourceIds` only) and how many selections it holds. */
export async function buildProject(
  store: NotebookStore,
  sourceIds?: string[],
): Promise<{ bytes: Uint8Array; selections: number }> {
  const manifest = store.manifest;
  const g = new Guids(manifest.id);
  const files = await loadSources(store, sourceIds);
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = {};
  const sources: XmlNode[] = [];
  const notes: XmlNode[] = [];
  const links = new Map<string, Array<{ annotation: Annotation; role: string; stance?: string }>>();
  let selections = 0;
  for (const { source, annotations } of files) {
    const guid = g.source(source.id);
    entries[`${SOURCES_DIR}/${guid}.txt`] = encoder.encode(source.text);
    const map = new PositionMap(source.text);
    for (const a of annotations) {
      selections++;
      for (const l of a.actors) {
        const list = links.get(l.actorId) ?? [];
        list.push({ annotation: a, role: l.role, ...(l.stance ? { stance: l.stance } : {}) });
        links.set(l.actorId, list);
      }
      const note = noteText(a);
      if (note) {
        notes.push({
          name: 'Note',
          attrs: {
            guid: g.note(a.id),
            name: `Note on “${[...a.target.exact].slice(0, 40).join('')}”`,
            creatingUser: g.user,
            creationDateTime: dateTime(a.createdAt),
            modifyingUser: g.user,
            modifiedDateTime: dateTime(a.updatedAt),
          },
          children: [
            { name: 'PlainTextContent', text: note },
            // The passage the note is on, as QualCoder (and the tools it follows) read a text annotation;
            // the TextSource refers to the note too (below). Standard readers follow the selection's NoteRef.
            {
              name: 'PlainTextSelection',
              attrs: {
                guid: guidFor(g.note(a.id), 'passage'),
                startPosition: map.toCodePoint(a.target.start),
                endPosition: map.toCodePoint(a.target.end),
              },
            },
          ],
        });
      }
    }
    sources.push({
      name: 'TextSource',
      attrs: {
        guid,
        name: source.title,
        plainTextPath: `internal://${guid}.txt`,
        creatingUser: g.user,
        creationDateTime: dateTime(source.importedAt),
      },
      children: [
        ...annotations.map((a) => selection(a, map, g)),
        ...annotations
          .filter((a) => noteText(a) !== undefined)
          .map((a): XmlNode => ({ name: 'NoteRef', attrs: { targetGUID: g.note(a.id) } })),
        textValue(g, 'Outlet', source.outlet),
        textValue(g, 'Author', source.author),
        textValue(g, 'URL', source.url),
        textValue(g, 'Published', source.publishedAt),
        textValue(g, 'Language', source.language),
        textValue(g, 'Dossier fingerprint', source.origin.sha256),
      ],
    });
  }
  // Every actor when the whole notebook is exported; else those the exported claims link.
  const actors = manifest.actors.filter((a) => !sourceIds || links.has(a.id));
  const { codes, sets } = codeTree(manifest, g, 'project');
  const variable = (name: string): XmlNode => ({
    name: 'Variable',
    attrs: { guid: g.variable(name), name, typeOfVariable: 'Text' },
  });
  const xml = writeXml({
    name: 'Project',
    attrs: {
      xmlns: PROJECT_NS,
      name: manifest.title || 'Dossier notebook',
      origin: ORIGIN,
      creatingUserGUID: g.user,
      creationDateTime: dateTime(manifest.createdAt),
    },
    children: [
      { name: 'Users', children: [{ name: 'User', attrs: { guid: g.user, name: ORIGIN } }] },
      { name: 'CodeBook', children: [{ name: 'Codes', children: codes }] },
      { name: 'Variables', children: [...SOURCE_VARIABLES, ...ACTOR_VARIABLES].map(variable) },
      actors.length > 0 && { name: 'Cases', children: actors.map((a) => actorCase(a, links.get(a.id) ?? [], g)) },
      sources.length > 0 && { name: 'Sources', children: sources },
      notes.length > 0 && { name: 'Notes', children: notes },
      { name: 'Sets', children: sets },
    ],
  });
  entries[PROJECT_ENTRY] = encoder.encode(xml);
  return { bytes: writeZip(entries), selections };
}
