/**
 * Drafting a brief in one step: from an actor,
 * a tag, or a hand-picked set of claims. The result is an ordinary tiptap
 * document the person then edits freely. Pure: no Node APIs.
 */
import { ACTOR_ROLES, RELATION_TYPES, type ActorRole, type UiLanguage } from '../../../shared/enums';
import { briefWords, DEFAULT_BRIEF_LANGUAGE, type BriefWords } from '../../../shared/brief-words';
import type { FactAttrs } from '../../../shared/brief-facts';
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
function overview(claims: readonly CitedClaim[], about?: FactAttrs['about'], stanceActorId?: string): JsonNode[] {
  const annotationIds = claims.map((c) => c.annotation.id);
  const out: JsonNode[] = [paragraphNode([factNode({ kind: 'overview', annotationIds, ...(about ? { about } : {}) })])];
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
function claimBlock(
  ctx: BriefContext,
  words: DraftWords,
  claim: CitedClaim,
  listed: Listed,
  stance?: string,
): JsonNode[] {
  const { t, language } = words;
  const { annotation } = claim;
  const label = citationLabel(claim, language);
  const quote = cleanQuote(annotation.target.exact);
  const meta: JsonNode[] = [
    textNode(label, [{ type: 'italic' }]),
    textNode(' · '),
    factNode({ kind: 'status', annotationIds: [annotation.id], drafted: draftedStatuses([claim]) }),
  ];
  if (stance) meta.push(textNode(` · ${t('draft.stance', { stance: stanceName(t, stance) })}`));
  const inside: JsonNode[] = [
    paragraphNode([textNode(quoted(quote, language)), citationNode({ annotationId: annotation.id, quote, label })]),
    paragraphNode(meta),
  ];

  const related = relatedClaims(ctx, annotation.id);
  for (const type of related.length ? RELATION_TYPES : []) {
    const list = related
      .filter((r) => r.type === type && (type === 'contradicts' || !listed.has(r.claim.annotation.id)))
      .map((r) => r.claim);
    if (!list.length) continue;
    const content: JsonNode[] = [textNode(`${t(`draft.${type}`)}: `, [{ type: 'bold' }])];
    list.sort(compareClaims).forEach((other, i) => {
      if (i > 0) content.push(textNode('; '));
      content.push(
        textNode(
          `${citationLabel(other, language)}, ${quoted(excerpt(cleanQuote(other.annotation.target.exact), 90), language)}`,
        ),
        citationNode({
          annotationId: other.annotation.id,
          quote: cleanQuote(other.annotation.target.exact),
          label: citationLabel(other, language),
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

/** A draft's words: the brief's language and its translator. */
interface DraftWords {
  language: UiLanguage;
  t: BriefWords;
}

function draftWords(language: UiLanguage): DraftWords {
  return { language, t: briefWords(language) };
}

/** A stance as the brief's language says it of one actor ("supports", "stöder"). */
function stanceName(t: BriefWords, stance: string): string {
  return t(`stance.${stance}` as 'stance.supports', { count: 1, defaultValue: stance });
}

/** The actor's strongest role on a claim: speaker, then subject, then mentioned. */
function roleOn(annotation: Annotation, actorId: string): { role: ActorRole; stance?: string } | undefined {
  const links = annotation.actors.filter((l) => l.actorId === actorId);
  for (const role of ACTOR_ROLES) {
    const link = links.find((l) => l.role === role);
    if (link) return link.stance ? { role, stance: link.stance } : { role };
  }
  return undefined;
}

export function draftBriefFromActor(
  ctx: BriefContext,
  actorId: string,
  language: UiLanguage = DEFAULT_BRIEF_LANGUAGE,
): BriefDraft {
  const words = draftWords(language);
  const { t } = words;
  const actor = actorById(ctx, actorId);
  const linked = ctx.annotations
    .map((claim) => ({ claim, link: roleOn(claim.annotation, actorId) }))
    .filter((x): x is { claim: CitedClaim; link: { role: ActorRole; stance?: string } } => !!x.link)
    .sort((a, b) => compareClaims(a.claim, b.claim));

  const listed = new Set(linked.map((x) => x.claim.annotation.id));
  const content: JsonNode[] = overview(
    linked.map((x) => x.claim),
    { kind: 'actor', name: actor.name },
    actorId,
  );
  if (actor.description?.trim())
    content.unshift(paragraphNode([textNode(actor.description.trim(), [{ type: 'italic' }])]));

  for (const role of ACTOR_ROLES) {
    const inRole = linked.filter((x) => x.link.role === role);
    if (!inRole.length) continue;
    content.push(headingNode(1, t(`draft.${role}`, { name: actor.name })));
    for (const { claim, link } of inRole) content.push(...claimBlock(ctx, words, claim, listed, link.stance));
  }
  return { title: t('draft.title', { name: actor.name }), doc: docNode(content) };
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

export function draftBriefFromTag(
  ctx: BriefContext,
  tagId: string,
  language: UiLanguage = DEFAULT_BRIEF_LANGUAGE,
): BriefDraft {
  const words = draftWords(language);
  const { t } = words;
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
  const content: JsonNode[] = overview(all, { kind: 'tag', name: tag.name });
  for (const { tag: sub, depth } of subtree) {
    const claims = sections.get(sub.id);
    if (!claims?.length) continue;
    const name =
      sub.id === tag.id ? t(subtree.length > 1 ? 'draft.general' : 'draft.claimsTagged', { name: sub.name }) : sub.name;
    content.push(headingNode(depth === 0 ? 1 : depth === 1 ? 2 : 3, name));
    for (const claim of claims.sort(compareClaims)) content.push(...claimBlock(ctx, words, claim, listed));
  }
  return { title: t('draft.title', { name: tag.name }), doc: docNode(content) };
}

export function draftBriefFromAnnotations(
  ctx: BriefContext,
  ids: readonly string[],
  title?: string,
  language: UiLanguage = DEFAULT_BRIEF_LANGUAGE,
): BriefDraft {
  const words = draftWords(language);
  const { t } = words;
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
  const content: JsonNode[] = overview(claims);
  if (claims.length) content.push(headingNode(1, t('draft.claims')));
  for (const claim of claims) content.push(...claimBlock(ctx, words, claim, seen));
  return { title: title?.trim() || t('draft.titleSelected'), doc: docNode(content) };
}
