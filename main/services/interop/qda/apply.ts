/**
 * Applies a read REFI-QDA plan to the notebook in one transaction: tags
 * (matched by name under the same parent, else added), statuses (added when
 * new), actors (matched by name, else added), sources (matched when the same
 * text is already in the notebook, else added) and their annotations.
 */
import { createHash } from 'node:crypto';
import { describeTarget } from '../../../../shared/anchoring';
import { docNode, paragraphNode, textNode, type JsonNode } from '../../../../shared/brief-doc';
import { ACTOR_ROLES, ActorKind, type AnnotationKind } from '../../../../shared/enums';
import { newId } from '../../../../shared/ids';
import {
  IsoDate,
  LanguageCode,
  SCHEMA_VERSION,
  type Actor,
  type ActorLink,
  type Annotation,
  type RichDoc,
  type Source,
  type Tag,
} from '../../../../shared/model';
import { TAG_PALETTE } from '../../annotations/annotation-methods';
import type { ServiceContext, Transaction } from '../../service-context';
import type { PlannedCode, QdaPlan } from './read';

export interface QdaImportCounts {
  sources: { added: number; matched: number };
  annotations: number;
  tags: number;
  actors: number;
  notes: number;
  orphans: Array<{ quote: string; reason: string }>;
}

const key = (s: string) => s.trim().toLocaleLowerCase();
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Plain note text back to a note document: paragraphs at blank lines, line breaks within them. */
export function textToNote(text: string): RichDoc | undefined {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!paragraphs.length) return undefined;
  return docNode(
    paragraphs.map((p) =>
      paragraphNode(
        p
          .split('\n')
          .flatMap((line, i): JsonNode[] => (i ? [{ type: 'hardBreak' }, textNode(line)] : [textNode(line)])),
      ),
    ),
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function applyPlan(
  ctx: ServiceContext,
  tx: Transaction,
  plan: QdaPlan,
  fileName: string,
): Promise<QdaImportCounts> {
  const manifest = ctx.store.manifest;
  const counts: QdaImportCounts = {
    sources: { added: 0, matched: 0 },
    annotations: 0,
    tags: 0,
    actors: 0,
    notes: 0,
    orphans: [...plan.orphans],
  };
  const now = new Date().toISOString();

  // Tags: the code tree, matched by name under the same parent.
  const tags = [...manifest.tags];
  const newTags: Tag[] = [];
  const tagByGuid = new Map<string, string>();
  const placeCodes = (codes: PlannedCode[], parentId: string | undefined) => {
    for (const code of codes) {
      let tag = tags.find((t) => key(t.name) === key(code.name) && t.parentId === parentId);
      if (!tag) {
        tag = {
          id: newId('tag'),
          name: code.name,
          color: code.color ?? TAG_PALETTE[tags.length % TAG_PALETTE.length]!,
          ...(parentId ? { parentId } : {}),
        };
        tags.push(tag);
        newTags.push(tag);
      }
      tagByGuid.set(code.guid, tag.id);
      placeCodes(code.children, tag.id);
    }
  };
  placeCodes(plan.codes, undefined);
  counts.tags = newTags.length;

  // Statuses: the file's, in its order, after the notebook's own.
  const newStatuses = [...new Set(plan.statuses.values())].filter((s) => !manifest.statuses.some((m) => m === s));

  // Actors: one per case, matched by name.
  const actors = [...manifest.actors];
  const newActors: Actor[] = [];
  const actorByGuid = new Map<string, Actor>();
  for (const c of plan.cases) {
    let actor = actors.find((a) => key(a.name) === key(c.name));
    if (!actor) {
      const kind = ActorKind.safeParse(c.variables['Actor kind']);
      const aliases = (c.variables.Aliases ?? '')
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean);
      actor = {
        id: newId('act'),
        name: c.name,
        kind: kind.success ? kind.data : 'other',
        aliases,
        memberOf: [],
        ...(c.description ? { description: c.description } : {}),
        ...(c.variables.Colour ? { color: c.variables.Colour } : {}),
      };
      actors.push(actor);
      newActors.push(actor);
    }
    actorByGuid.set(c.guid, actor);
  }
  for (const c of plan.cases) {
    const actor = actorByGuid.get(c.guid)!;
    if (!newActors.includes(actor)) continue;
    for (const g of (c.variables['Member of'] ?? '').split(/\s+/).filter(Boolean)) {
      const group = actorByGuid.get(g.toLowerCase());
      if (group && group.id !== actor.id && !actor.memberOf.includes(group.id)) actor.memberOf.push(group.id);
    }
  }
  counts.actors = newActors.length;
  const linksBySelection = new Map<string, ActorLink[]>();
  for (const c of plan.cases) {
    const actor = actorByGuid.get(c.guid)!;
    for (const l of c.links) {
      const list = linksBySelection.get(l.selection) ?? [];
      if (!list.some((x) => x.actorId === actor.id && x.role === l.role))
        list.push({ actorId: actor.id, role: l.role, ...(l.stance ? { stance: l.stance } : {}) });
      linksBySelection.set(l.selection, list);
    }
  }

  // Strongest part first, as the claim panel lists them.
  for (const list of linksBySelection.values())
    list.sort((x, y) => ACTOR_ROLES.indexOf(x.role) - ACTOR_ROLES.indexOf(y.role));

  if (newTags.length || newStatuses.length || newActors.length) {
    await tx.updateManifest((m) => {
      m.tags.push(...newTags);
      m.statuses.push(...newStatuses);
      m.actors.push(...newActors);
    });
  }
  const defaultStatus = ctx.store.manifest.statuses[0] ?? 'unverified';
  const manifestWrites: Promise<void>[] = [];

  try {
    for (const planned of plan.sources) {
      const fingerprint = /^[0-9a-f]{64}$/.test(planned.variables['Dossier fingerprint'] ?? '')
        ? planned.variables['Dossier fingerprint']!
        : sha256(planned.text);
      const annotations: Annotation[] = [];
      for (const sel of planned.selections) {
        const tagIds = [
          ...new Set(sel.codeGuids.map((g) => tagByGuid.get(g)).filter((id): id is string => Boolean(id))),
        ];
        const status = sel.codeGuids.map((g) => plan.statuses.get(g)).find(Boolean) ?? defaultStatus;
        const kind: AnnotationKind = sel.codeGuids.map((g) => plan.kinds.get(g)).find(Boolean) ?? sel.kind ?? 'claim';
        const note = sel.noteText ? textToNote(sel.noteText) : undefined;
        annotations.push({
          id: newId('ann'),
          sourceId: '',
          kind,
          target: describeTarget(planned.text, sel.start, sel.end),
          tagIds,
          status,
          actors: linksBySelection.get(sel.guid) ?? [],
          ...(note ? { note } : {}),
          createdAt: sel.createdAt && DATE_TIME.test(sel.createdAt) ? sel.createdAt : now,
          updatedAt: sel.updatedAt && DATE_TIME.test(sel.updatedAt) ? sel.updatedAt : now,
        });
      }
      const existingId = ctx.store.sourceIdBySha256(fingerprint);
      const existing = existingId ? await ctx.store.loadSource(existingId) : undefined;
      if (existing && existing.source.text === planned.text) {
        // The same article is already here: its annotations gain the file's, without repeats.
        const fresh = annotations.filter(
          (a) =>
            !existing.annotations.some(
              (b) => b.kind === a.kind && b.target.start === a.target.start && b.target.end === a.target.end,
            ),
        );
        for (const a of fresh) a.sourceId = existing.source.id;
        if (fresh.length) await tx.updateSource(existing.source.id, (file) => void file.annotations.push(...fresh));
        counts.sources.matched++;
        counts.annotations += fresh.length;
        counts.notes += fresh.filter((a) => a.note).length;
        continue;
      }
      const v = planned.variables;
      const language = LanguageCode.safeParse(v.Language);
      const published = IsoDate.safeParse(v.Published);
      const source: Source = {
        id: newId('src'),
        title: planned.title,
        ...(v.Outlet ? { outlet: v.Outlet } : {}),
        ...(v.Author ? { author: v.Author } : {}),
        ...(v.URL ? { url: v.URL } : {}),
        ...(published.success ? { publishedAt: published.data } : {}),
        language: language.success ? language.data : 'und',
        importedAt: planned.createdAt && DATE_TIME.test(planned.createdAt) ? planned.createdAt : now,
        origin: { kind: 'file', name: fileName, sha256: existingId ? sha256(planned.text) : fingerprint },
        text: planned.text,
        removed: [],
      };
      for (const a of annotations) a.sourceId = source.id;
      const { manifestSaved } = await tx.addSource({ schemaVersion: SCHEMA_VERSION, source, annotations });
      manifestWrites.push(manifestSaved);
      counts.sources.added++;
      counts.annotations += annotations.length;
      counts.notes += annotations.filter((a) => a.note).length;
    }
  } finally {
    // A failure part way still lets the writes already started finish (the transaction records them).
    await Promise.allSettled(manifestWrites);
  }
  // Every source listed in the manifest on disk before the file counts as imported.
  await Promise.all(manifestWrites);
  return counts;
}
