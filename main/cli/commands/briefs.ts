/** brief draft | export | list | style | language: briefs from the command line (docs/cli.md). */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BRIEF_FORMATS, BriefFormat, orList, UI_LANGUAGES, UiLanguage } from '../../../shared/enums';
import { UsageError, type CliCommand } from '../command';
import { refuseInside } from '../paths';

/** `--language`, checked: absent, or one of the languages a brief can be in. */
function languageOption(value: unknown): { language?: UiLanguage } {
  if (value === undefined) return {};
  const parsed = UiLanguage.safeParse(value);
  if (!parsed.success) throw new UsageError(`unknown language "${String(value)}": use ${orList(UI_LANGUAGES)}`);
  return { language: parsed.data };
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false;
}

export const briefCommand: CliCommand = {
  name: 'brief',
  usage: [
    `brief draft --actor NAME | --tag T [--title "…"] [--language ${UI_LANGUAGES.join('|')}]`,
    "                             draft a brief from an actor's or a tag's claims and save it",
    `brief export <briefId> --format ${BRIEF_FORMATS.join('|')} --out <file> [--style <name|file.csl>] [--language ${UI_LANGUAGES.join('|')}]`,
    "                             export a brief with its citations in a CSL style (default: the brief's)",
    "brief list                   the notebook's briefs",
    'brief style list | add <file.csl> | set <briefId> <name>',
    "                             the citation styles; add one to the notebook; set a brief's",
    `brief language <briefId> ${UI_LANGUAGES.join('|')}`,
    "                             the language of a brief's headings, dates and citation terms",
  ],
  options: {
    actor: { type: 'string' },
    tag: { type: 'string' },
    title: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    style: { type: 'string' },
    language: { type: 'string' },
  },
  readOnly: ([sub, action]) => sub === 'list' || sub === 'export' || (sub === 'style' && action === 'list'),
  async run({ args, options, notebook, call, print }) {
    const [sub, ...rest] = args;
    if (sub === 'draft') {
      const actor = options.actor as string | undefined;
      const tag = options.tag as string | undefined;
      if (!!actor === !!tag) throw new UsageError('brief draft needs exactly one of --actor NAME or --tag T');
      const title = {
        ...(typeof options.title === 'string' && options.title.trim() ? { title: options.title.trim() } : {}),
        ...languageOption(options.language),
      };
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
      const language = languageOption(options.language);
      await refuseInside(out, notebook);
      const style = typeof options.style === 'string' ? options.style : undefined;
      // A path to a .csl file is read here; a bare name is one of the notebook's styles.
      const styleInput =
        style && /\.csl$/i.test(style) && (await isFile(style))
          ? { styleXml: await readFile(style, 'utf8') }
          : style
            ? { style }
            : {};
      const result = await call('exportBriefToFile', {
        briefId,
        format: format.data,
        path: out,
        ...styleInput,
        ...language,
      });
      print(result, () => [`Wrote ${result.path} (${result.format}, ${result.bytes} bytes)`]);
      return;
    }
    if (sub === 'style') {
      const [action, ...more] = rest;
      if (action === 'list') {
        const styles = await call('listCitationStyles', {});
        print(styles, () => styles.map((st) => `${st.id}  ${st.title}  (${st.kind}, ${st.origin})`));
        return;
      }
      if (action === 'add') {
        const file = more[0];
        if (!file) throw new UsageError('brief style add needs a .csl file');
        const added = await call('addCitationStyle', {
          fileName: path.basename(file),
          xml: await readFile(file, 'utf8'),
        });
        print(added, () => [`Added ${added.id}  ${added.title}  (${added.kind})`]);
        return;
      }
      if (action === 'set') {
        const [briefId, name] = more;
        if (!briefId || !name) throw new UsageError('brief style set needs a brief id and a style name');
        const summary = await call('updateBrief', { id: briefId, citationStyle: name });
        print(summary, () => [`${summary.id}  ${summary.title} now cites in ${name}`]);
        return;
      }
      throw new UsageError(`unknown brief style command "${action ?? ''}" (try: dossier brief style list)`);
    }
    if (sub === 'language') {
      const [briefId, value] = rest;
      if (!briefId || !value) throw new UsageError(`brief language needs a brief id and ${orList(UI_LANGUAGES)}`);
      const { language } = languageOption(value);
      const summary = await call('updateBrief', { id: briefId, language: language! });
      print(summary, () => [`${summary.id}  ${summary.title} is now in ${language!}`]);
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
