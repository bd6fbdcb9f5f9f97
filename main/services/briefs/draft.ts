/**
 * Drafting a brief in one step: from an actor,
 * a tag, or a hand-picked set of claims. The result is an ordinary tiptap
 * document the person then edits freely. Pure: no Node APIs.
 */
import { ACTOR_ROLES, RELATION_TYPES, type ActorRole, type RelationType } from '../../../shared/enums';
import { factNode } from '../../../shared/brief-facts';
import type { Actor, Annotation, RichDoc, Tag } from '../../../shared/model';
import { DossierError } from '../../../shared/errors';
import {
  blockquoteNode,
  cleanQuote,
  citationLabel,
  citationNode,
  docNode,
  excerpt,
  headingNode,
  paragraphNode,
  quoted,
  textNode,
  type BriefContext,
  type CitedClaim,
  type JsonNode,
} from '../../../shared/brief-doc';

export interface BriefDraft {
  title: string;
  doc: RichDoc;
}

/** Date order: the source's publication date (undated last), then when the claim was made, then id. */
export function compareClaims(a: CitedClaim, b: CitedClaim): number {
  const da = a.source.publishedAt?.slice(0, 10);
  const db = b.source.publishedAt?.slice(0, 10);
  if (da !== db) {
    if (!da) return 1;
    if (!db) return -1;
    return da < db ? -1 : 1;
  }
  if (a.annotation.createdAt !== b.annotation.createdAt)
    return a.annotation.createdAt < b.annotation.createdAt ? -1 : 1;
  return a.annotation.id < b.annotation.id ? -1 : a.annotation.id > b.annotation.id ? 1 : 0;
}

/** Each claim's status now, for the live facts to tell later whether it changed. */
function draftedStatuses(claims: readonly CitedClaim[]): Record<string, string> {
  return Object.fromEntries(claims.map((c) => [c.annotation.id, c.annotation.status]));
}

/**
 * The overview: a sentence with counts and dates, then the stance and status split — both live
 * facts (shared/brief-facts.ts), worded from the claims whenever the brief is shown or exported.
 */
function overview(claims: readonly CitedClaim[], subject: string, stanceActorId?: string): JsonNode[] {
  const annotationIds = claims.map((c) => c.annotation.id);
  const out: JsonNode[] = [
    paragraphNode([factNode({ kind: 'overview', annotationIds, ...(subject ? { subject } : {}) })]),
  ];
  if (claims.length)
    out.push(
      paragraphNode([
        factNode({
          kind: 'split',
          annotationIds,
          drafted: draftedStatuses(claims),
          ...(stanceActorId ? { stanceActorId } : {}),
        }),
      ]),
    );
  return out;
}

/** The ids a draft lists as claims of their own (each gets a block quote). */
type Listed = ReadonlySet<string>;

/**
 * One claim: its quote with a citation, then outlet, date, its live status, stance and relations.
 * Corroborating and elaborating claims the brief lists anyway are left out; a contradiction is
 * always pointed out.
 */
function claimBlock(ctx: BriefContext, claim: CitedClaim, listed: Listed, stance?: string): JsonNode[] {
  const { annotation } = claim;
  const label = citationLabel(claim);
  const quote = cleanQuote(annotation.target.exact);
  const meta: JsonNode[] = [
    textNode(label, [{ type: 'italic' }]),
    textNode(' · '),
    factNode({ kind: 'status', annotationIds: [annotation.id], drafted: draftedStatuses([claim]) }),
  ];
  if (stance) meta.push(textNode(` · Stance: ${stance}`));
  const inside: JsonNode[] = [
    paragraphNode([textNode(quoted(quote)), citationNode({ annotationId: annotation.id, quote, label })]),
    paragraphNode(meta),
  ];

  const related = relatedClaims(ctx, annotation.id);
  for (const type of RELATION_TYPES) {
    const heading = RELATED_HEADING[type];
    const list = related
      .filter((r) => r.type === type && (type === 'contradicts' || !listed.has(r.claim.annotation.id)))
      .map((r) => r.claim);
    if (!list.length) continue;
    const content: JsonNode[] = [textNode(`${heading}: `, [{ type: 'bold' }])];
    list.sort(compareClaims).forEach((other, i) => {
      if (i > 0) content.push(textNode('; '));
      content.push(
        textNode(`${citationLabel(other)}, ${quoted(excerpt(cleanQuote(other.annotation.target.exact), 90))}`),
        citationNode({
          annotationId: other.annotation.id,
          quote: cleanQuote(other.annotation.target.exact),
          label: citationLabel(other),
        }),
      );
    });
    inside.push(paragraphNode(content));
  }
  return [blockquoteNode(inside)];
}

/** Claims related to one annotation, in either direction, that still exist. */
function relatedClaims(ctx: BriefContext, id: string): Array<{ type: string; claim: CitedClaim }> {
  const out: Array<{ type: string; claim: CitedClaim }> = [];
  const seen = new Set<string>();
  for (const r of ctx.relations) {
    const other = r.from === id ? r.to : r.to === id ? r.from : undefined;
    if (!other || other === id) continue;
    const key = `${r.type}:${other}`;
    if (seen.has(key)) continue;
    const claim = ctx.annotation(other);
    if (!claim) continue;
    seen.add(key);
    out.push({ type: r.type, claim });
  }
  return out;
}

function actorById(ctx: BriefContext, actorId: string): Actor {
  const actor = ctx.actors.find((a) => a.id === actorId);
  if (!actor) throw DossierError.of('not-found', 'briefs.noActor', { actorId });
  return actor;
}

const RELATED_HEADING: Record<RelationType, string> = {
  corroborates: 'Corroborated by',
  contradicts: 'Contradicted by',
  elaborates: 'Elaborated by',
};

const ROLE_HEADING: Record<ActorRole, (name: string) => string> = {
  speaker: (name) => `Statements by ${name}`,
  subject: (name) => `Statements about ${name}`,
  mentioned: () => 'Mentions',
};

/** The actor's strongest role on a claim: speaker, then subject, then mentioned. */
function roleOn(annotation: Annotation, actorId: string): { role: ActorRole; stance?: string } | undefined {
  const links = annotation.actors.filter((l) => l.actorId === actorId);
  for (const role of ACTOR_ROLES) {
    const link = links.find((l) => l.role === role);
    if (link) return link.stance ? { role, stance: link.stance } : { role };
  }
  return undefined;
}

export function draftBriefFromActor(ctx: BriefContext, actorId: string): BriefDraft {
  const actor = actorById(ctx, actorId);
  const linked = ctx.annotations
    .map((claim) => ({ claim, link: roleOn(claim.annotation, actorId) }))
    .filter((x): x is { claim: CitedClaim; link: { role: ActorRole; stance?: string } } => !!x.link)
    .sort((a, b) => compareClaims(a.claim, b.claim));

  const listed = new Set(linked.map((x) => x.claim.annotation.id));
  const content: JsonNode[] = overview(
    linked.map((x) => x.claim),
    `linked to ${actor.name}`,
    actorId,
  );
  if (actor.description?.trim())
    content.unshift(paragraphNode([textNode(actor.description.trim(), [{ type: 'italic' }])]));

  for (const role of ACTOR_ROLES) {
    const inRole = linked.filter((x) => x.link.role === role);
    if (!inRole.length) continue;
    content.push(headingNode(1, ROLE_HEADING[role](actor.name)));
    for (const { claim, link } of inRole) content.push(...claimBlock(ctx, claim, listed, link.stance));
  }
  return { title: `Brief: ${actor.name}`, doc: docNode(content) };
}

/** A tag and its descendants, parent first, children by name. */
function tagSubtree(tags: readonly Tag[], root: Tag): Array<{ tag: Tag; depth: number }> {
  const out: Array<{ tag: Tag; depth: number }> = [];
  const seen = new Set<string>();
  const go = (tag: Tag, depth: number) => {
    if (seen.has(tag.id)) return;
    seen.add(tag.id);
    out.push({ tag, depth });
    const children = tags.filter((t) => t.parentId === tag.id).sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) go(child, depth + 1);
  };
  go(root, 0);
  return out;
}

export function draftBriefFromTag(ctx: BriefContext, tagId: string): BriefDraft {
  const tag = ctx.tags.find((t) => t.id === tagId);
  if (!tag) throw DossierError.of('not-found', 'briefs.noTag', { tagId });
  const subtree = tagSubtree(ctx.tags, tag);
  const depthOf = new Map(subtree.map((x) => [x.tag.id, x.depth]));

  // Each claim goes in the section of its most specific tag within the subtree.
  const sections = new Map<string, CitedClaim[]>();
  const all: CitedClaim[] = [];
  for (const claim of ctx.annotations) {
    const inTree = claim.annotation.tagIds.filter((id) => depthOf.has(id));
    if (!inTree.length) continue;
    const deepest = inTree.reduce((best, id) => (depthOf.get(id)! > depthOf.get(best)! ? id : best));
    if (!sections.has(deepest)) sections.set(deepest, []);
    sections.get(deepest)!.push(claim);
    all.push(claim);
  }
  all.sort(compareClaims);

  const listed = new Set(all.map((c) => c.annotation.id));
  const content: JsonNode[] = overview(all, `tagged \u201c${tag.name}\u201d`);
  for (const { tag: t, depth } of subtree) {
    const claims = sections.get(t.id);
    if (!claims?.length) continue;
    const name = t.id === tag.id ? (subtree.length > 1 ? `${t.name} (general)` : `Claims tagged ${t.name}`) : t.name;
    content.push(headingNode(depth === 0 ? 1 : depth === 1 ? 2 : 3, name));
    for (const claim of claims.sort(compareClaims)) content.push(...claimBlock(ctx, claim, listed));
  }
  return { title: `Brief: ${tag.name}`, doc: docNode(content) };
}

export function draftBriefFromAnnotations(ctx: BriefContext, ids: readonly string[], title?: string): BriefDraft {
  const claims: CitedClaim[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const claim = ctx.annotation(id);
    if (!claim) throw DossierError.of('not-found', 'briefs.noClaim', { id });
    claims.push(claim);
  }
  claims.sort(compareClaims);
  const content: JsonNode[] = overview(claims, '');
  if (claims.length) content.push(headingNode(1, 'Claims'));
  for (const claim of claims) content.push(...claimBlock(ctx, claim, seen));
  return { title: title?.trim() || 'Brief: selected claims', doc: docNode(content) };
}
