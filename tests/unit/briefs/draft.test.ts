import { describe, expect, it } from 'vitest';
import {
  collectCitations,
  makeBriefContext,
  plainText,
  type BriefContext,
  type JsonNode,
} from '../../../shared/brief-doc';
import { liveText } from '../../../shared/brief-facts';
import { DossierError } from '../../../shared/errors';
import {
  compareClaims,
  draftBriefFromActor,
  draftBriefFromAnnotations,
  draftBriefFromTag,
} from '../../../main/services/briefs/index';
import { actors, annotations, fixtureContext, relations, sources, tags } from './fixtures';

/** Top-level sections of a draft: each level-1/2 heading with the claims (first citation of each block quote) under it. */
function sections(doc: { content?: unknown[] }): Array<{ heading: string; level: number; claims: string[] }> {
  const out: Array<{ heading: string; level: number; claims: string[] }> = [];
  for (const node of (doc.content ?? []) as JsonNode[]) {
    if (node.type === 'heading') out.push({ heading: plainText(node), level: Number(node.attrs?.level), claims: [] });
    else if (node.type === 'blockquote') {
      const first = collectCitations(node)[0];
      if (first) out[out.length - 1]!.claims.push(first.annotationId);
    }
  }
  return out;
}

function overviewText(doc: { content?: unknown[] }, ctx: BriefContext = fixtureContext()): string {
  const nodes = (doc.content ?? []) as JsonNode[];
  const firstHeading = nodes.findIndex((n) => n.type === 'heading');
  return nodes
    .slice(0, firstHeading < 0 ? nodes.length : firstHeading)
    .map((n) => liveText(n, ctx))
    .join('\n');
}

describe('draftBriefFromActor', () => {
  const ctx = fixtureContext();
  const draft = draftBriefFromActor(ctx, 'act_holmqvist');

  it('has a title and role sections in the order by / about / mentions', () => {
    expect(draft.title).toBe('Brief: Karin Holmqvist');
    expect(sections(draft.doc).map((s) => s.heading)).toEqual([
      'Statements by Karin Holmqvist',
      'Statements about Karin Holmqvist',
      'Mentions',
    ]);
  });

  it('orders claims by publication date, not by when they were made, and puts each claim in its strongest role once', () => {
    const [by, about, mentions] = sections(draft.doc);
    expect(by!.claims).toEqual(['ann_jobs', 'ann_backa']);
    // ann_figures was created first but published last.
    expect(about!.claims).toEqual(['ann_ignored', 'ann_figures']);
    // ann_backa is speaker and mentioned: only under "by".
    expect(mentions!.claims).toEqual(['ann_visit']);
  });

  it('writes an overview with counts, date range and the stance and status split', () => {
    const text = overviewText(draft.doc);
    expect(text).toContain('5 claims linked to Karin Holmqvist from 4 sources');
    expect(text).toContain('between 4 March 2025 and 18 March 2025');
    // Stances count claims: ann_ignored has Holmqvist's "opposes" once, whatever other actors say.
    expect(text).toContain('2 supports, 1 opposes, 1 neutral');
    expect(text).toContain('2 corroborated, 2 unverified, 1 disputed');
  });

  it('shows outlet, date, status and stance under each quote, and the quote with its Swedish letters', () => {
    const quotes = ((draft.doc.content ?? []) as JsonNode[]).filter((n) => n.type === 'blockquote');
    const backa = quotes.find((q) => collectCitations(q)[0]?.annotationId === 'ann_backa')!;
    const text = liveText(backa, ctx);
    expect(text).toContain('\u201cVi kommer inte att backa. Muddringen är nödvändig för att hamnen ska överleva');
    expect(text).toContain('Kustbladet, 6 March 2025');
    expect(text).toContain('Status: unverified');
    expect(text).toContain('Stance: supports');
    // The citation node carries a cached quote and label for when the claim disappears.
    const cite = collectCitations(backa)[0]!;
    expect(cite.quote).toContain('förlorade fångster');
    expect(cite.label).toBe('Kustbladet, 6 March 2025');
  });

  it('says where a claim is contradicted, citing the other claim, in both directions', () => {
    // Contradictions are pointed out even between claims listed in the brief (unlike corroboration).
    const quotes = ((draft.doc.content ?? []) as JsonNode[]).filter((n) => n.type === 'blockquote');
    const jobs = quotes.find((q) => collectCitations(q)[0]?.annotationId === 'ann_jobs')!;
    expect(plainText(jobs)).toContain('Contradicted by: Harbour & Policy Weekly, 18 March 2025');
    expect(collectCitations(jobs).map((c) => c.annotationId)).toEqual(['ann_jobs', 'ann_figures']);
    const figures = quotes.find((q) => collectCitations(q)[0]?.annotationId === 'ann_figures')!;
    expect(collectCitations(figures).map((c) => c.annotationId)).toEqual(['ann_figures', 'ann_jobs']);
    const visit = quotes.find((q) => collectCitations(q)[0]?.annotationId === 'ann_visit')!;
    expect(plainText(visit)).not.toContain('Contradicted');
  });

  it('drafts an empty brief for an actor without claims and rejects an unknown actor', () => {
    const lonely = makeBriefContext({
      sources: sources.map(({ text: _t, ...m }) => m),
      annotations,
      actors: [...actors, { id: 'act_none', name: 'Nobody Special', kind: 'person', aliases: [], memberOf: [] }],
      tags,
      relations,
    });
    const empty = draftBriefFromActor(lonely, 'act_none');
    expect(sections(empty.doc)).toEqual([]);
    expect(overviewText(empty.doc)).toContain('No claims linked to Nobody Special yet.');
    expect(() => draftBriefFromActor(ctx, 'act_missing')).toThrow(DossierError);
  });
});

describe('draftBriefFromTag', () => {
  const ctx = fixtureContext();

  it('makes one section per tag in the subtree, each claim under its most specific tag, by date', () => {
    const draft = draftBriefFromTag(ctx, 'tag_econ');
    expect(draft.title).toBe('Brief: Economy');
    expect(sections(draft.doc)).toEqual([
      { heading: 'Economy (general)', level: 1, claims: ['ann_backa'] },
      { heading: 'Jobs', level: 2, claims: ['ann_jobs', 'ann_figures'] },
    ]);
    expect(overviewText(draft.doc)).toContain('3 claims tagged \u201cEconomy\u201d from 3 sources');
  });

  it('names the single section after a tag without children', () => {
    const draft = draftBriefFromTag(ctx, 'tag_fish');
    expect(sections(draft.doc)).toEqual([
      { heading: 'Claims tagged Fisheries', level: 1, claims: ['ann_backa', 'ann_ignored'] },
    ]);
    expect(() => draftBriefFromTag(ctx, 'tag_missing')).toThrow(/No tag/);
  });
});

describe('draftBriefFromAnnotations', () => {
  const ctx = fixtureContext();

  it('orders hand-picked claims by date, drops repeats and keeps the given title', () => {
    const draft = draftBriefFromAnnotations(
      ctx,
      ['ann_visit', 'ann_jobs', 'ann_visit', 'ann_backa'],
      '  Minister’s week  ',
    );
    expect(draft.title).toBe('Minister’s week');
    expect(sections(draft.doc)).toEqual([
      { heading: 'Claims', level: 1, claims: ['ann_jobs', 'ann_backa', 'ann_visit'] },
    ]);
    expect(overviewText(draft.doc)).toContain('This brief collects 3 claims from 3 sources');
  });

  it('rejects an unknown claim id', () => {
    expect(() => draftBriefFromAnnotations(ctx, ['ann_jobs', 'ann_nope'])).toThrow(/No claim with id ann_nope/);
  });
});

describe('compareClaims', () => {
  it('sorts by publication date, then creation time, undated sources last', () => {
    const ctx = fixtureContext();
    const a = ctx.annotation('ann_ignored')!;
    const b = ctx.annotation('ann_visit')!; // same source, created later
    const undated = { ...a, source: { ...a.source, publishedAt: undefined } };
    expect([b, a].sort(compareClaims).map((c) => c.annotation.id)).toEqual(['ann_ignored', 'ann_visit']);
    expect([undated, ctx.annotation('ann_figures')!].sort(compareClaims)[0]!.annotation.id).toBe('ann_figures');
  });
});

describe('drafted summaries', () => {
  const base = fixtureContext();
  const meta = sources.map(({ text: _t, ...m }) => m);
  const withSources = (list: typeof meta, anns = annotations, rels = relations) =>
    makeBriefContext({ sources: list, annotations: anns, actors, tags, relations: rels });

  it('takes the date range only from sources that have a date, and says how many do', () => {
    const dated = meta.map((s, i) => ({ ...s, publishedAt: i === 2 ? '2018-11-29' : undefined }));
    const ctx = withSources(dated);
    const draft = draftBriefFromAnnotations(ctx, ['ann_jobs', 'ann_backa', 'ann_ignored']);
    const text = overviewText(draft.doc, ctx);
    expect(text).toContain('from 3 sources; 1 of them dated, published on 29 November 2018.');
    const none = withSources(meta.map((s) => ({ ...s, publishedAt: undefined })));
    expect(overviewText(draftBriefFromAnnotations(none, ['ann_jobs', 'ann_backa']).doc, none)).toContain(
      'from 2 sources; none of them dated.',
    );
    const all = overviewText(draftBriefFromAnnotations(base, ['ann_jobs', 'ann_backa']).doc);
    expect(all).toContain('from 2 sources, published between 4 March 2025 and 6 March 2025.');
  });

  it('counts stances by claim, not by actor link', () => {
    // ann_ignored carries two "opposes" links (the minister as subject, the association as speaker).
    const text = overviewText(draftBriefFromTag(base, 'tag_fish').doc);
    expect(text).toContain('Stance: 1 supports, 1 opposes.');
  });

  it('keeps summary and status lines live: they show what the claims say now, and mark a changed status', () => {
    const draft = draftBriefFromActor(base, 'act_holmqvist');
    const changed = withSources(
      meta,
      annotations
        .filter((a) => a.id !== 'ann_visit')
        .map((a) => (a.id === 'ann_jobs' ? { ...a, status: 'refuted' } : a)),
    );
    const text = overviewText(draft.doc, changed);
    expect(text).toContain('4 claims linked to Karin Holmqvist');
    expect(text).toContain('1 claim drafted here no longer exists.');
    expect(text).toContain('Status: 1 corroborated, 2 unverified, 1 refuted.');
    expect(text).toContain('1 status changed since drafting.');
    const jobs = ((draft.doc.content ?? []) as JsonNode[]).find(
      (q) => q.type === 'blockquote' && collectCitations(q)[0]?.annotationId === 'ann_jobs',
    )!;
    expect(liveText(jobs, base)).toContain('Status: disputed ·');
    expect(liveText(jobs, changed)).toContain(
      'Status: refuted (status changed since drafting: was disputed, now refuted)',
    );
    expect(plainText(jobs)).not.toContain('Status: disputed');
  });

  it('lists under “Corroborated by” only claims that are not in the brief already', () => {
    const rels = [
      ...relations,
      { id: 'rel_2', from: 'ann_visit', to: 'ann_backa', type: 'corroborates' as const },
      { id: 'rel_3', from: 'ann_figures', to: 'ann_ignored', type: 'corroborates' as const },
    ];
    const ctx = withSources(meta, annotations, rels);
    const actorDraft = draftBriefFromActor(ctx, 'act_holmqvist');
    expect(liveText(actorDraft.doc, ctx)).not.toContain('Corroborated by');
    const picked = draftBriefFromAnnotations(ctx, ['ann_backa', 'ann_ignored']);
    const text = liveText(picked.doc, ctx);
    expect(text).toContain('Corroborated by: Ostsee-Rundschau, 11 March 2025');
    expect(text).toContain('Corroborated by: Harbour & Policy Weekly, 18 March 2025');
  });
});
