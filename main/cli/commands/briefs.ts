/** brief draft | export | list: briefs from the command line (docs/cli.md). */
import { BRIEF_FORMATS, BriefFormat, orList } from '../../../shared/enums';
import { UsageError, type CliCommand } from '../command';
import { refuseInside } from '../paths';

export const briefCommand: CliCommand = {
  name: 'brief',
  usage: [
    'brief draft --actor NAME | --tag T [--title "…"]',
    "                             draft a brief from an actor's or a tag's claims and save it",
    `brief export <briefId> --format ${BRIEF_FORMATS.join('|')} --out <file>`,
    '                             export a brief with footnotes',
    "brief list                   the notebook's briefs",
  ],
  options: {
    actor: { type: 'string' },
    tag: { type: 'string' },
    title: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  readOnly: ([sub]) => sub === 'list' || sub === 'export',
  async run({ args, options, notebook, call, print }) {
    const [sub, ...rest] = args;
    if (sub === 'draft') {
      const actor = options.actor as string | undefined;
      const tag = options.tag as string | undefined;
      if (!!actor === !!tag) throw new UsageError('brief draft needs exactly one of --actor NAME or --tag T');
      const title = typeof options.title === 'string' && options.title.trim() ? { title: options.title.trim() } : {};
      const input = actor
        ? { actorId: (await call('lookupActor', { query: actor })).id, ...title }
        : { tagId: (await call('lookupTag', { query: tag! })).id, ...title };
      const brief = await call('draftBrief', input);
      print(brief, () => [`${brief.id}  ${brief.title}`]);
      return;
    }
    if (sub === 'export') {
      const briefId = rest[0];
      if (!briefId) throw new UsageError('brief export needs a brief id (see: dossier brief list)');
      const format = BriefFormat.safeParse(options.format);
      if (!format.success) {
        throw new UsageError(
          options.format === undefined
            ? `brief export needs --format ${BRIEF_FORMATS.join('|')}`
            : `unknown format "${String(options.format)}": use ${orList(BRIEF_FORMATS)}`,
        );
      }
      const out = options.out;
      if (typeof out !== 'string' || !out.trim()) throw new UsageError('brief export needs --out <file>');
      await refuseInside(out, notebook);
      const result = await call('exportBriefToFile', { briefId, format: format.data, path: out });
      print(result, () => [`Wrote ${result.path} (${result.format}, ${result.bytes} bytes)`]);
      return;
    }
    if (sub === 'list') {
      const briefs = await call('listBriefs', {});
      print(briefs, () =>
        briefs.length
          ? briefs.map((b) => `${b.id}  ${b.title}  (${b.citations} citations, updated ${b.updatedAt})`)
          : ['No briefs yet.'],
      );
      return;
    }
    throw new UsageError(`unknown brief command "${sub ?? ''}" (try: dossier brief draft --actor NAME)`);
  },
};
