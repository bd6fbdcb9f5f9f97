import { describe, expect, it } from 'vitest';
import {
  CITATION_NODE,
  citationAttrs,
  citationLabel,
  citationNode,
  citationNoteText,
  citedAnnotationIds,
  cleanQuote,
  collectCitations,
  excerpt,
  formatDate,
  makeBriefContext,
  periodAfter,
  plainText,
  sourceListEntry,
  type JsonNode,
} from '../../../shared/brief-doc';
import { annotations, fixtureContext, sources } from './fixtures';

const doc = {
  type: 'doc' as const,
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Heading' }] },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'One' }, citationNode({ annotationId: 'ann_b' }), { type: 'text', text: ' two' }],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [citationNode({ annotationId: 'ann_a', quote: 'q' })] }],
        },
      ],
    },
    { type: 'paragraph', content: [citationNode({ annotationId: 'ann_b' }), { type: CITATION_NODE, attrs: {} }] },
  ],
};

describe('citation nodes', () => {
  it('collects every citation in reading order, repeats and broken ones included', () => {
    expect(collectCitations(doc).map((c) => c.annotationId)).toEqual(['ann_b', 'ann_a', 'ann_b', '']);
    expect(citedAnnotationIds(doc)).toEqual(['ann_b', 'ann_a']);
  });

  it('reads attrs defensively', () => {
    expect(citationAttrs({ type: 'citation', attrs: { annotationId: 'x', quote: 5 } })).toEqual({
      annotationId: 'x',
      quote: null,
      label: null,
    });
    expect(citationAttrs({ type: 'paragraph' })).toBeUndefined();
    expect(citationAttrs({ type: 'citation', attrs: { annotationId: '' } })).toBeUndefined();
    expect(citationNode({ annotationId: 'a', quote: '', label: 'L' })).toEqual({
      type: 'citation',
      attrs: { annotationId: 'a', label: 'L' },
    });
  });

  it('extracts plain text with citations as spaces', () => {
    expect(plainText(doc.content[1] as JsonNode)).toBe('One  two');
  });
});

describe('citation wording', () => {
  const ctx = fixtureContext();

  it('writes a note with outlet, title, author, date, URL and the quoted passage', () => {
    const note = citationNoteText(ctx.annotation('ann_backa')!);
    expect(note).toBe(
      'Kustbladet, \u201cHolmqvist: \u201dMuddringen är nödvändig för jobben i Nordhamn\u201d\u201d, Åsa Lindström, 6 March 2025, ' +
        'https://kustbladet.example/nyheter/muddring-nordhamn. Quoted: \u201cVi kommer inte att backa. Muddringen är nödvändig för att hamnen ska överleva, och fiskarna får full ersättning för förlorade fångster\u201d.',
    );
    // No author: left out, not "undefined"; a quote that ends a sentence gets no second full stop.
    const weekly = citationNoteText(ctx.annotation('ann_figures')!);
    expect(weekly).not.toContain('undefined');
    expect(weekly.endsWith('estimate.\u201d')).toBe(true);
  });

  it('formats dates, labels, source entries and quotes', () => {
    expect(formatDate('2025-03-04')).toBe('4 March 2025');
    expect(formatDate('2025-12-31T23:30:00Z')).toBe('31 December 2025');
    expect(formatDate('sometime')).toBe('sometime');
    expect(citationLabel(ctx.annotation('ann_jobs')!)).toBe('The Northern Ledger, 4 March 2025');
    expect(sourceListEntry(sources[3]!)).toBe(
      'Harbour & Policy Weekly. \u201cPort authority data contradicts minister’s jobs figure\u201d. 18 March 2025. https://harbourpolicy.example/analysis/nordhamn-jobs',
    );
    expect(cleanQuote('  five   years,\n ')).toBe('five years');
    expect(periodAfter('done.\u201d')).toBe('');
    expect(periodAfter('not done')).toBe('.');
    expect(excerpt('one two three four five six', 14)).toBe('one two three…');
  });

  it('builds a context that skips annotations whose source is unknown', () => {
    const ctx2 = makeBriefContext({ sources: sources.slice(0, 1), annotations });
    expect(ctx2.annotations.map((c) => c.annotation.id)).toEqual(['ann_jobs']);
    expect(ctx2.annotation('ann_backa')).toBeUndefined();
    expect(ctx2.annotation('ann_jobs')?.source.outlet).toBe('The Northern Ledger');
  });
});
