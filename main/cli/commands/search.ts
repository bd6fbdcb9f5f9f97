/** search and corroborate: full-text search with filters, and "who else reports this?" (docs/cli.md). */
import { say } from '../words';
import type { SearchFilters } from '../../../shared/api/search';
import { UsageError, type CliCommand, type CommandContext } from '../command';
import { helpMore } from '../options';

const list = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).map(String);

function isoDate(value: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(say('cli:search.takesDateYyyyMm', { flag, value }));
  return value;
}

function positiveInt(value: unknown, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 200)
    throw new UsageError(say('cli:search.takesWholeNumberFrom', { flag, value: String(value) }));
  return n;
}

/**
 * The ids of what the filter options name, through the API's lookups. A name
 * that matches nothing or several is bad usage of the filter (exit 2), with
 * the lookup's message.
 */
async function idsOf(
  call: CommandContext['call'],
  method: 'lookupActor' | 'lookupTag' | 'lookupSource',
  names: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const query of names) {
    try {
      ids.push((await call(method, { query })).id);
    } catch (err) {
      throw new UsageError((err as Error).message.replace(/\.$/, ''));
    }
  }
  return ids;
}

export const searchCommand: CliCommand = {
  name: 'search',
  readOnly: () => true,
  get usage() {
    return [
      'search "<query>" [--actor A]… [--tag T]… [--status S]… [--lang L]… [--source ID]… [--from DATE] [--to DATE] [--limit N]',
      helpMore(say('cli:search.passagesTitlesClaimsMatching')),
    ];
  },
  options: {
    actor: { type: 'string', multiple: true },
    tag: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    lang: { type: 'string', multiple: true },
    source: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    limit: { type: 'string' },
  },
  async run({ args, options, call, print }) {
    const query = args.join(' ').trim();
    if (!query) throw new UsageError(say('cli:search.searchNeedsQueryE'));
    const limit = positiveInt(options.limit, '--limit', 20);
    const from = typeof options.from === 'string' ? isoDate(options.from, '--from') : undefined;
    const to = typeof options.to === 'string' ? isoDate(options.to, '--to') : undefined;
    const filters: SearchFilters = {};
    const actors = list(options.actor);
    if (actors.length) filters.actorIds = await idsOf(call, 'lookupActor', actors);
    const tags = list(options.tag);
    if (tags.length) filters.tagIds = await idsOf(call, 'lookupTag', tags);
    const statuses = list(options.status);
    if (statuses.length) {
      const known = (await call('getNotebook', {})).statuses;
      for (const s of statuses)
        if (!known.includes(s))
          throw new UsageError(say('cli:search.unknownStatusNotebookS', { s, known: known.join(', ') }));
      filters.statuses = statuses;
    }
    const langs = list(options.lang).map((l) => l.toLowerCase());
    if (langs.length) filters.languages = langs;
    const sources = list(options.source);
    if (sources.length) filters.sourceIds = await idsOf(call, 'lookupSource', sources);
    if (from) filters.from = from;
    if (to) filters.to = to;
    const result = await call('search', { query, filters, limit, wait: true, withActors: false });
    const out = result.hits.map((h) => ({
      sourceId: h.sourceId,
      ...(h.annotationId ? { annotationId: h.annotationId } : {}),
      snippet: h.snippet,
      score: h.score,
    }));
    const titles = new Map(result.sources.map((s) => [s.id, s.title]));
    print(out, () =>
      out.length
        ? out.map(
            (h) =>
              `${h.score.toFixed(2).padStart(6)}  ${h.sourceId}${h.annotationId ? ` ${h.annotationId}` : ''}  ${titles.get(h.sourceId) ?? ''}\n        ${h.snippet.replace(/\s+/g, ' ')}`,
          )
        : [say('cli:search.nothingFound', { query })],
    );
  },
};

export const corroborateCommand: CliCommand = {
  name: 'corroborate',
  readOnly: () => true,
  get usage() {
    return ['corroborate <annotationId> [--limit N]', helpMore(say('cli:search.similarPassagesOtherSources'))];
  },
  options: { limit: { type: 'string' } },
  async run({ args, options, call, print }) {
    const [annotationId] = args;
    if (!annotationId) throw new UsageError(say('cli:search.corroborateNeedsAnnotationId'));
    const limit = positiveInt(options.limit, '--limit', 10);
    const hits = await call('corroborate', { annotationId, limit });
    const out = hits.map((h) => ({ sourceId: h.sourceId, start: h.start, end: h.end, text: h.text, score: h.score }));
    print(out, () =>
      out.length
        ? hits.map(
            (h) =>
              `${h.score.toFixed(2).padStart(6)}  ${h.sourceId} [${h.start}–${h.end}] ${h.source.title}${h.source.outlet ? ` (${h.source.outlet})` : ''}\n        ${h.text.replace(/\s+/g, ' ')}`,
          )
        : [say('cli:search.noSimilar')],
    );
  },
};
