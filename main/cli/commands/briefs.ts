/** brief draft | export | list | style | language: briefs from the command line (docs/cli.md). */
import { say } from '../words';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BRIEF_FORMATS, BriefFormat, orList, UI_LANGUAGES, UiLanguage } from '../../../shared/enums';
import { UsageError, type CliCommand } from '../command';
import { helpLines, helpMore } from '../options';
import { refuseInside } from '../paths';

/** `--language`, checked: absent, or one of the languages a brief can be in. */
function languageOption(value: unknown): { language?: UiLanguage } {
  if (value === undefined) return {};
  const parsed = UiLanguage.safeParse(value);
  if (!parsed.success)
    throw new UsageError(say('cli:briefs.unknownLanguage', { value: String(value), choices: UI_LANGUAGES.join('|') }));
  return { language: parsed.data };
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false;
}

export const briefCommand: CliCommand = {
  name: 'brief',
  get usage() {
    return [
      `brief draft --actor NAME | --tag T [--title "…"] [--language ${UI_LANGUAGES.join('|')}]`,
      helpMore(say('cli:briefs.draftBriefFromActor')),
      `brief export <briefId> --format ${BRIEF_FORMATS.join('|')} --out <file> [--style <name|file.csl>] [--language ${UI_LANGUAGES.join('|')}]`,
      helpMore(say('cli:briefs.exportBriefCitationsCsl')),
      ...helpLines('brief list', say('cli:briefs.notebookSBriefs')),
      'brief style list | add <file.csl> | set <briefId> <name>',
      helpMore(say('cli:briefs.citationStylesAddOne')),
      `brief language <briefId> ${UI_LANGUAGES.join('|')}`,
      helpMore(say('cli:briefs.briefLanguageHelp')),
    ];
  },
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
      if (!!actor === !!tag) throw new UsageError(say('cli:briefs.briefDraftNeedsExactly'));
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
      if (!briefId) throw new UsageError(say('cli:briefs.briefExportNeedsBrief'));
      const format = BriefFormat.safeParse(options.format);
      if (!format.success) {
        throw new UsageError(
          options.format === undefined
            ? say('cli:briefs.briefExportNeedsFormat', { BRIEF_FORMATS: BRIEF_FORMATS.join('|') })
            : say('cli:briefs.unknownFormatUse', {
                format: String(options.format),
                BRIEF_FORMATS: orList(BRIEF_FORMATS),
              }),
        );
      }
      const out = options.out;
      if (typeof out !== 'string' || !out.trim()) throw new UsageError(say('cli:briefs.briefExportNeedsOut'));
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
      print(result, () => [
        say('cli:briefs.wroteBytes', { path: result.path, format: result.format, bytes: result.bytes }),
      ]);
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
        if (!file) throw new UsageError(say('cli:briefs.briefStyleAddNeeds'));
        const added = await call('addCitationStyle', {
          fileName: path.basename(file),
          xml: await readFile(file, 'utf8'),
        });
        print(added, () => [say('cli:briefs.added', { id: added.id, title: added.title, kind: added.kind })]);
        return;
      }
      if (action === 'set') {
        const [briefId, name] = more;
        if (!briefId || !name) throw new UsageError(say('cli:briefs.briefStyleSetNeeds'));
        const summary = await call('updateBrief', { id: briefId, citationStyle: name });
        print(summary, () => [say('cli:briefs.nowCites', { id: summary.id, title: summary.title, name })]);
        return;
      }
      throw new UsageError(say('cli:briefs.unknownBriefStyleCommand', { value: action ?? '' }));
    }
    if (sub === 'language') {
      const [briefId, value] = rest;
      if (!briefId || !value)
        throw new UsageError(say('cli:briefs.briefLanguageNeeds', { choices: UI_LANGUAGES.join('|') }));
      const { language } = languageOption(value);
      const summary = await call('updateBrief', { id: briefId, language: language! });
      print(summary, () => [
        say('cli:briefs.nowInLanguage', { id: summary.id, title: summary.title, language: language! }),
      ]);
      return;
    }
    if (sub === 'list') {
      const briefs = await call('listBriefs', {});
      print(briefs, () =>
        briefs.length
          ? briefs.map((b) =>
              say('cli:briefs.citationsUpdated', {
                id: b.id,
                title: b.title,
                citations: b.citations,
                updatedAt: b.updatedAt,
              }),
            )
          : [say('cli:briefs.none')],
      );
      return;
    }
    throw new UsageError(say('cli:briefs.unknownBriefCommandTry', { value: sub ?? '' }));
  },
};
