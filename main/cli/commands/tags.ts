/** tag list | add | rename | move | merge | rm: the codebook from the command line (docs/cli.md). */
import { say } from '../words';
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
  get usage() {
    return [
      ...helpLines('tag list', say('cli:tags.codebookEveryTagPath')),
      ...helpLines('tag add <name> [--parent T] [--color #RRGGBB]', say('cli:tags.addTagTopUnder')),
      ...helpLines('tag rename <tag> <new name>', say('cli:tags.renameTag')),
      ...helpLines('tag move <tag> --under T | --top', say('cli:tags.placeTagUnderAnother')),
      ...helpLines('tag merge <tag> --into T', say('cli:tags.giveTagSAnnotations')),
      ...helpLines('tag rm <tag>', say('cli:tags.removeTagFromEvery')),
    ];
  },
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
      throw new UsageError(say('cli:tags.unknownTagCommandTry', { value: sub ?? '' }));
    const lookup = async (query: string) => call('lookupTag', { query });
    if (sub === 'list') {
      const tags = await call('listTags', {});
      const lines = tags.map((t) => ({ path: pathOf(t, tags), id: t.id })).sort((a, b) => a.path.localeCompare(b.path));
      print(tags, () => (lines.length ? lines.map((l) => `${l.id}  ${l.path}`) : [say('cli:tags.none')]));
      return;
    }
    if (sub === 'add') {
      const name = requireArg(args, 1, say('cli:tags.tagAddNeedsName'));
      const parent = stringOption(options, 'parent');
      const color = stringOption(options, 'color');
      // The app's colour picker gives #rrggbb; so does the CLI.
      if (color !== undefined && !/^#[0-9a-f]{6}$/i.test(color))
        throw new UsageError(say('cli:tags.colorTakesColourRrggbb', { color }));
      const tag = await call('createTag', {
        name,
        ...(parent ? { parentId: (await lookup(parent)).id } : {}),
        ...(color ? { color } : {}),
      });
      const line = await tagLine(tag, call);
      print(tag, () => [say('cli:tags.added', { line })]);
      return;
    }
    const tag = await lookup(requireArg(args, 1, say('cli:tags.tagNeedsTagName', { sub })));
    if (sub === 'rename') {
      const name = requireArg(args, 2, say('cli:tags.tagRenameNeedsNew'));
      const renamed = await call('updateTag', { id: tag.id, name });
      const line = await tagLine(renamed, call);
      print(renamed, () => [say('cli:tags.renamed', { name: tag.name, line })]);
    } else if (sub === 'move') {
      const under = stringOption(options, 'under');
      if (!!under === Boolean(options.top)) throw new UsageError(say('cli:tags.tagMoveNeedsExactly'));
      const moved = await call('updateTag', { id: tag.id, parentId: under ? (await lookup(under)).id : null });
      const line = await tagLine(moved, call);
      print(moved, () => [say('cli:tags.moved', { line })]);
    } else if (sub === 'merge') {
      const intoName = stringOption(options, 'into');
      if (!intoName) throw new UsageError(say('cli:tags.tagMergeNeedsInto'));
      const into = await lookup(intoName);
      const { annotationsChanged } = await call('mergeTags', { fromId: tag.id, intoId: into.id });
      print({ merged: tag, into, annotationsChanged }, () => [
        say('cli:tags.mergedIntoAnnotationS', { name: tag.name, name2: into.name, annotationsChanged }),
      ]);
    } else {
      const { annotationsChanged } = await call('deleteTag', { id: tag.id });
      print({ deleted: tag, annotationsChanged }, () => [
        say('cli:tags.removedAnnotationSChanged', { name: tag.name, annotationsChanged }),
      ]);
    }
  },
};
