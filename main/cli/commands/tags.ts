/** tag list | add | rename | move | merge | rm: the codebook from the command line (docs/cli.md). */
import { tagPath, type Tag } from '../../../shared/model';
import { UsageError, type CliCommand, type CommandContext } from '../command';
import { helpLines, requireArg, stringOption } from '../options';

/** "Energy › Wind": the tag's name after those of its ancestors. */
function pathOf(tag: Tag, all: readonly Tag[]): string {
  return tagPath(all, tag).join(' › ');
}

async function tagLine(tag: Tag, call: CommandContext['call']): Promise<string> {
  return `${tag.id}  ${pathOf(tag, await call('listTags', {}))}`;
}

const SUBCOMMANDS = ['list', 'add', 'rename', 'move', 'merge', 'rm'];

export const tagCommand: CliCommand = {
  name: 'tag',
  usage: [
    ...helpLines('tag list', 'the codebook: every tag with its path'),
    ...helpLines('tag add <name> [--parent T] [--color #RRGGBB]', 'add a tag, at the top or under another'),
    ...helpLines('tag rename <tag> <new name>', 'rename a tag'),
    ...helpLines('tag move <tag> --under T | --top', 'place a tag under another, or at the top'),
    ...helpLines('tag merge <tag> --into T', "give the tag's annotations the other tag, then remove it"),
    ...helpLines('tag rm <tag>', 'remove a tag from every annotation and the codebook (its children move up)'),
  ],
  options: {
    parent: { type: 'string' },
    color: { type: 'string' },
    under: { type: 'string' },
    top: { type: 'boolean' },
    into: { type: 'string' },
  },
  readOnly: ([sub]) => sub === 'list',
  async run({ args, options, call, print }) {
    const [sub] = args;
    if (!sub || !SUBCOMMANDS.includes(sub))
      throw new UsageError(`unknown tag command "${sub ?? ''}" (try: dossier tag list, dossier tag add <name>)`);
    const lookup = async (query: string) => call('lookupTag', { query });
    if (sub === 'list') {
      const tags = await call('listTags', {});
      const lines = tags.map((t) => ({ path: pathOf(t, tags), id: t.id })).sort((a, b) => a.path.localeCompare(b.path));
      print(tags, () => (lines.length ? lines.map((l) => `${l.id}  ${l.path}`) : ['No tags yet.']));
      return;
    }
    if (sub === 'add') {
      const name = requireArg(args, 1, 'tag add needs a name');
      const parent = stringOption(options, 'parent');
      const color = stringOption(options, 'color');
      // The app's colour picker gives #rrggbb; so does the CLI.
      if (color !== undefined && !/^#[0-9a-f]{6}$/i.test(color))
        throw new UsageError(`--color takes a colour as #RRGGBB (got "${color}")`);
      const tag = await call('createTag', {
        name,
        ...(parent ? { parentId: (await lookup(parent)).id } : {}),
        ...(color ? { color } : {}),
      });
      const line = await tagLine(tag, call);
      print(tag, () => [`Added ${line}`]);
      return;
    }
    const tag = await lookup(requireArg(args, 1, `tag ${sub} needs a tag (a name, path or id: see dossier tag list)`));
    if (sub === 'rename') {
      const name = requireArg(args, 2, 'tag rename needs the new name');
      const renamed = await call('updateTag', { id: tag.id, name });
      const line = await tagLine(renamed, call);
      print(renamed, () => [`Renamed “${tag.name}” to ${line}`]);
    } else if (sub === 'move') {
      const under = stringOption(options, 'under');
      if (!!under === Boolean(options.top)) throw new UsageError('tag move needs exactly one of --under T or --top');
      const moved = await call('updateTag', { id: tag.id, parentId: under ? (await lookup(under)).id : null });
      const line = await tagLine(moved, call);
      print(moved, () => [`Moved ${line}`]);
    } else if (sub === 'merge') {
      const intoName = stringOption(options, 'into');
      if (!intoName) throw new UsageError('tag merge needs --into T');
      const into = await lookup(intoName);
      const { annotationsChanged } = await call('mergeTags', { fromId: tag.id, intoId: into.id });
      print({ merged: tag, into, annotationsChanged }, () => [
        `Merged “${tag.name}” into “${into.name}” (${annotationsChanged} annotation(s) changed)`,
      ]);
    } else {
      const { annotationsChanged } = await call('deleteTag', { id: tag.id });
      print({ deleted: tag, annotationsChanged }, () => [
        `Removed “${tag.name}” (${annotationsChanged} annotation(s) changed)`,
      ]);
    }
  },
};
