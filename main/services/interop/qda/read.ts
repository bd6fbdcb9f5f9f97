/**
 * Reads a REFI-QDA project (.qdpx) or codebook (.qdc) into a plain plan of
 * what to add — codes, statuses, sources with their selections, cases —
 * checking everything first, so a damaged or hostile file is rejected before
 * the notebook changes. Hostile input is handled by zip.ts (caps, names) and
 * xml.ts (no DOCTYPE, no entities).
 */
import {
  ANNOTATION_KINDS,
  ANNOTATION_KIND_LABEL,
  ActorRole,
  Stance,
  type AnnotationKind,
} from '../../../../shared/enums';
import { DossierError, englishTranslator, sayError } from '../../../../shared/errors';
import type { Translator } from '../../../../shared/i18n';
import {
  ACTOR_VARIABLES,
  CODEBOOK_NS,
  KIND_SET,
  PROJECT_ENTRY,
  PROJECT_NS,
  PositionMap,
  SOURCE_VARIABLES,
  STATUS_SET,
  normalizeGuid,
  type ActorVariable,
  type SourceVariable,
} from './refi';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml';
import { readZip, unsafeEntryName } from './zip';

export interface PlannedCode {
  guid: string;
  name: string;
  color?: string;
  children: PlannedCode[];
}

export interface PlannedSelection {
  guid: string;
  /** UTF-16 offsets into the source's text. */
  start: number;
  end: number;
  codeGuids: string[];
  /** Set for a note found only through its source (no coding says the kind). */
  kind?: AnnotationKind;
  noteText?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface PlannedSource {
  guid: string;
  title: string;
  text: string;
  variables: Partial<Record<SourceVariable, string>>;
  createdAt?: string;
  selections: PlannedSelection[];
}

export interface PlannedCase {
  guid: string;
  name: string;
  description?: string;
  variables: Partial<Record<ActorVariable, string>>;
  /** Linked selections with the role and stance the file gives (Dossier's links variable), else "mentioned". */
  links: Array<{ selection: string; role: ActorRole; stance?: Stance }>;
}

export interface QdaPlan {
  /** Tag codes (the tree), without the status and kind groups. */
  codes: PlannedCode[];
  /** Status names by code GUID, in the set's order. */
  statuses: Map<string, string>;
  kinds: Map<string, AnnotationKind>;
  sources: PlannedSource[];
  cases: PlannedCase[];
  /** Selections that could not be placed, with why. */
  orphans: Array<{ quote: string; reason: string }>;
}

const RGB = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

function reject(error: DossierError): never {
  throw error;
}

function normalizeColor(color: string | undefined): string | undefined {
  if (!color || !RGB.test(color.trim())) return undefined;
  const hex = color.trim().slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

function guidOf(el: XmlElement, label: string): string {
  const guid = normalizeGuid(el.attrs.guid);
  if (!guid)
    reject(
      DossierError.of('invalid-input', 'exchange.hasValidGuid', {
        label,
        name: el.name,
        guid: (el.attrs.guid ?? '').slice(0, 60),
      }),
    );
  return guid;
}

function refTarget(el: XmlElement | undefined): string | undefined {
  return normalizeGuid(el?.attrs.targetGUID);
}

/** The codes tree; the sets that name Dossier's status and kind groups pull those codes out. */
function readCodes(
  codesEl: XmlElement | undefined,
  setsEl: XmlElement | undefined,
  ns: string,
  label: string,
): Pick<QdaPlan, 'codes' | 'statuses' | 'kinds'> {
  const memberGuid = (m: XmlElement) => normalizeGuid(ns === PROJECT_NS ? m.attrs.targetGUID : m.attrs.guid);
  const setMembers = (name: string) =>
    childrenNamed(setsEl, ns, 'Set')
      .filter((s) => s.attrs.name === name)
      .flatMap((s) => childrenNamed(s, ns, 'MemberCode').map(memberGuid))
      .filter((g): g is string => Boolean(g));
  const statusGuids = new Set(setMembers(STATUS_SET));
  const kindGuids = new Set(setMembers(KIND_SET));
  const statuses = new Map<string, string>();
  const kinds = new Map<string, AnnotationKind>();
  const seen = new Set<string>();
  const read = (el: XmlElement): PlannedCode[] => {
    const guid = guidOf(el, label);
    if (seen.has(guid)) reject(DossierError.of('invalid-input', 'exchange.codeGuidUsedTwice', { label, guid }));
    seen.add(guid);
    const name = (el.attrs.name ?? '').trim();
    if (!name) reject(DossierError.of('invalid-input', 'exchange.codeHasName', { label, guid }));
    const children = childrenNamed(el, ns, 'Code').flatMap(read);
    if (statusGuids.has(guid)) {
      statuses.set(guid, name);
      return children;
    }
    if (kindGuids.has(guid)) {
      const kind = ANNOTATION_KINDS.find((k) => ANNOTATION_KIND_LABEL[k].toLowerCase() === name.toLowerCase());
      if (kind) kinds.set(guid, kind);
      return children;
    }
    // A non-codable group whose codes were all statuses or kinds is Dossier's own group: left out.
    const groupOnly =
      el.attrs.isCodable === 'false' &&
      childrenNamed(el, ns, 'Code').length > 0 &&
      childrenNamed(el, ns, 'Code').every((c) => {
        const g = normalizeGuid(c.attrs.guid);
        return g !== undefined && (statusGuids.has(g) || kindGuids.has(g));
      });
    if (groupOnly) return children;
    const color = normalizeColor(el.attrs.color);
    return [{ guid, name, ...(color ? { color } : {}), children }];
  };
  return { codes: childrenNamed(codesEl, ns, 'Code').flatMap(read), statuses, kinds };
}

function decodeText(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return reject(DossierError.of('invalid-input', 'exchange.utf8Text', { label }));
  }
}

function variableValues(el: XmlElement, names: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const vv of childrenNamed(el, PROJECT_NS, 'VariableValue')) {
    const name = names.get(refTarget(childNamed(vv, PROJECT_NS, 'VariableRef')) ?? '');
    const value = vv.children.find((c) => c.name.endsWith('Value') && c.name !== 'VariableRef');
    if (name && value) out[name] = value.text.trim();
  }
  return out;
}

/** Reads a .qdc codebook. */
export function readCodebook(bytes: Uint8Array, label: string): QdaPlan {
  const root = parseXml(decodeText(bytes, label), label);
  if (root.name !== 'CodeBook' || root.uri !== CODEBOOK_NS) {
    reject(
      DossierError.of('invalid-input', 'exchange.refiQdaCodebookRoot', {
        label,
        name: root.name,
        uri: root.uri || 'none',
        CODEBOOK_NS,
      }),
    );
  }
  const codes = readCodes(
    childNamed(root, CODEBOOK_NS, 'Codes'),
    childNamed(root, CODEBOOK_NS, 'Sets'),
    CODEBOOK_NS,
    label,
  );
  return { ...codes, sources: [], cases: [], orphans: [] };
}

/** The entry a source's or note's `internal://` path names, or why it cannot be read. */
function internalEntry(
  path: string | undefined,
  files: Map<string, Uint8Array>,
  label: string,
  what: string,
): Uint8Array {
  if (!path) reject(DossierError.of('invalid-input', 'exchange.hasNeitherPlainText', { label, what }));
  const m = /^internal:\/\/(.+)$/.exec(path);
  if (!m)
    reject(
      DossierError.of('invalid-input', 'exchange.pointsOutsideArchiveDossier', {
        label,
        what,
        path: path.slice(0, 120),
      }),
    );
  const name = m[1]!.replace(/^\/+/, '');
  const unsafe = unsafeEntryName(name);
  if (unsafe)
    reject(
      DossierError.of('invalid-input', 'exchange.namesFileNothingWas', {
        label,
        what,
        unsafe,
        path: path.slice(0, 120),
      }),
    );
  const data = files.get(`Sources/${name}`) ?? files.get(`sources/${name}`);
  if (!data) reject(DossierError.of('invalid-input', 'exchange.refersSourcesWhichArchive', { label, what, name }));
  return data;
}

/** Reads a .qdpx project. */
export function readProject(bytes: Uint8Array, label: string, t: Translator = englishTranslator()): QdaPlan {
  const files = readZip(bytes, (name) => name.endsWith('.qde') || /^[Ss]ources\/[^/]+$/.test(name), label);
  const qde =
    files.get(PROJECT_ENTRY) ?? [...files].find(([name]) => name.endsWith('.qde') && !name.includes('/'))?.[1];
  if (!qde) reject(DossierError.of('invalid-input', 'exchange.hasRefiQdaProject', { label, PROJECT_ENTRY }));
  const root = parseXml(decodeText(qde, `${label} › ${PROJECT_ENTRY}`), `${label} › ${PROJECT_ENTRY}`);
  if (root.name !== 'Project' || root.uri !== PROJECT_NS) {
    reject(
      DossierError.of('invalid-input', 'exchange.refiQdaProjectRoot', {
        label,
        name: root.name,
        uri: root.uri || 'none',
        PROJECT_NS,
      }),
    );
  }
  const ns = PROJECT_NS;
  const codeBook = childNamed(root, ns, 'CodeBook');
  const plan: QdaPlan = {
    ...readCodes(childNamed(codeBook, ns, 'Codes'), childNamed(root, ns, 'Sets'), ns, label),
    sources: [],
    cases: [],
    orphans: [],
  };
  const variableNames = new Map<string, string>();
  for (const v of childrenNamed(childNamed(root, ns, 'Variables'), ns, 'Variable')) {
    variableNames.set(guidOf(v, label), v.attrs.name ?? '');
  }
  const notes = new Map<string, { text: string; passage?: XmlElement }>();
  for (const n of childrenNamed(childNamed(root, ns, 'Notes'), ns, 'Note')) {
    const content = childNamed(n, ns, 'PlainTextContent');
    const what = `the note “${n.attrs.name ?? ''}”`;
    notes.set(guidOf(n, label), {
      text: content ? content.text : decodeText(internalEntry(n.attrs.plainTextPath, files, label, what), label),
      passage: childNamed(n, ns, 'PlainTextSelection'),
    });
  }
  for (const s of childrenNamed(childNamed(root, ns, 'Sources'), ns, 'TextSource')) {
    const guid = guidOf(s, label);
    const title = (s.attrs.name ?? '').trim() || 'Untitled source';
    const content = childNamed(s, ns, 'PlainTextContent');
    const text = content
      ? content.text
      : decodeText(internalEntry(s.attrs.plainTextPath, files, label, `the source “${title}”`), `${label} › ${title}`);
    const map = new PositionMap(text);
    const vars = variableValues(s, variableNames);
    const selections: PlannedSelection[] = [];
    // A note the source refers to that holds the passage it is on is a text annotation (QualCoder's
    // reading): it becomes a note annotation unless a selection of the source already carries it.
    const carried = new Set(
      childrenNamed(s, ns, 'PlainTextSelection').map((sel) => refTarget(childNamed(sel, ns, 'NoteRef'))),
    );
    const passages = childrenNamed(s, ns, 'NoteRef')
      .map(refTarget)
      .filter((g): g is string => Boolean(g) && !carried.has(g))
      .flatMap((g) => {
        const passage = notes.get(g)?.passage;
        return passage ? [{ sel: passage, noteOf: g }] : [];
      });
    const own = childrenNamed(s, ns, 'PlainTextSelection').map((sel) => ({ sel, noteOf: undefined }));
    for (const { sel, noteOf } of [...own, ...passages]) {
      const selGuid = guidOf(sel, label);
      const start = Number(sel.attrs.startPosition);
      const end = Number(sel.attrs.endPosition);
      const quote = sel.attrs.name ?? '';
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > map.codePoints) {
        plan.orphans.push({
          quote,
          reason: sayError(t, {
            key: 'exchange.orphanOutside',
            params: {
              start: sel.attrs.startPosition ?? '',
              end: sel.attrs.endPosition ?? '',
              title,
              length: map.codePoints,
            },
          }),
        });
        continue;
      }
      const noteGuid = noteOf ?? refTarget(childNamed(sel, ns, 'NoteRef'));
      const noteText = noteGuid ? notes.get(noteGuid)?.text : undefined;
      const description = childNamed(sel, ns, 'Description')?.text.trim();
      selections.push({
        guid: selGuid,
        start: map.toUtf16(start),
        end: map.toUtf16(end),
        codeGuids: childrenNamed(sel, ns, 'Coding')
          .map((c) => refTarget(childNamed(c, ns, 'CodeRef')))
          .filter((g): g is string => Boolean(g)),
        // A selection's description is a memo in other programs: kept as its note when it has none.
        ...(noteText?.trim() ? { noteText } : description ? { noteText: description } : {}),
        ...(noteOf ? { kind: 'note' as const } : {}),
        ...(sel.attrs.creationDateTime ? { createdAt: sel.attrs.creationDateTime } : {}),
        ...(sel.attrs.modifiedDateTime ? { updatedAt: sel.attrs.modifiedDateTime } : {}),
      });
    }
    plan.sources.push({
      guid,
      title,
      text,
      variables: Object.fromEntries(SOURCE_VARIABLES.filter((v) => vars[v]).map((v) => [v, vars[v]!])),
      ...(s.attrs.creationDateTime ? { createdAt: s.attrs.creationDateTime } : {}),
      selections,
    });
  }
  for (const c of childrenNamed(childNamed(root, ns, 'Cases'), ns, 'Case')) {
    const name = (c.attrs.name ?? '').trim();
    if (!name) continue; // a nameless case carries variables of a file (MAXQDA, Quirkos): not an actor
    const vars = variableValues(c, variableNames);
    const given = new Map<string, { role: ActorRole; stance?: Stance }>();
    for (const part of (vars['Dossier links'] ?? '').split(/\s+/).filter(Boolean)) {
      const m = /^([^=]+)=([a-z]+)(?:\/([a-z]+))?$/.exec(part);
      const selection = normalizeGuid(m?.[1]);
      const role = ActorRole.safeParse(m?.[2]);
      const stance = Stance.safeParse(m?.[3]);
      if (selection && role.success)
        given.set(`${selection} ${role.data}`, { role: role.data, ...(stance.success ? { stance: stance.data } : {}) });
    }
    const refs = childrenNamed(c, ns, 'SelectionRef')
      .map(refTarget)
      .filter((g): g is string => Boolean(g));
    const links: PlannedCase['links'] = [];
    for (const selection of new Set(refs)) {
      const roles = [...given].filter(([key]) => key.startsWith(`${selection} `)).map(([, v]) => v);
      if (roles.length === 0) roles.push({ role: 'mentioned' });
      for (const r of roles) links.push({ selection, ...r });
    }
    const description = childNamed(c, ns, 'Description')?.text.trim();
    plan.cases.push({
      guid: guidOf(c, label),
      name,
      ...(description ? { description } : {}),
      variables: Object.fromEntries(ACTOR_VARIABLES.filter((v) => vars[v]).map((v) => [v, vars[v]!])),
      links,
    });
  }
  return plan;
}
