/** actor add | edit | alias | merge | rm: the actor registry from the command line (docs/cli.md). */
import { say } from '../words';
import { normaliseAlias } from '../../../shared/actors';
import { ACTOR_KINDS, ActorKind, orList } from '../../../shared/enums';
import { DossierError } from '../../../shared/errors';
import type { Actor } from '../../../shared/model';
import { UsageError, type CliCommand, type CommandContext } from '../command';
import { helpLines, listOption, requireArg, stringOption } from '../options';
import { actorLine } from './actors';

const SUBCOMMANDS = ['add', 'edit', 'alias', 'merge', 'rm'];

function kindOption(options: CommandContext['options']): ActorKind | undefined {
  const kind = stringOption(options, 'kind');
  if (kind === undefined) return undefined;
  const parsed = ActorKind.safeParse(kind);
  if (!parsed.success) throw new UsageError(say('cli:actor.kindMustGot', { ACTOR_KINDS: orList(ACTOR_KINDS), kind }));
  return parsed.data;
}

export const actorCommand: CliCommand = {
  name: 'actor',
  get usage() {
    return [
      ...helpLines(
        `actor add <name> [--kind ${ACTOR_KINDS.join('|')}] [--alias A]… [--member-of ACTOR]… [--description "…"]`,
        say('cli:actor.addActorRegistry'),
      ),
      ...helpLines(
        'actor edit <actor> [--name N] [--kind K] [--member-of ACTOR]… [--description "…"]',
        say('cli:actor.changeActorSName'),
      ),
      ...helpLines('actor alias <actor> [--add A]… [--remove A]…', say('cli:actor.addRemoveOtherNames')),
      ...helpLines('actor merge <actor> --into ACTOR', say('cli:actor.moveLinksNamesOther')),
      ...helpLines('actor rm <actor>', say('cli:actor.removeActorLinksFrom')),
    ];
  },
  options: {
    kind: { type: 'string' },
    alias: { type: 'string', multiple: true },
    'member-of': { type: 'string', multiple: true },
    description: { type: 'string' },
    name: { type: 'string' },
    add: { type: 'string', multiple: true },
    remove: { type: 'string', multiple: true },
    into: { type: 'string' },
  },
  async run({ args, options, call, print }) {
    const [sub] = args;
    if (!sub || !SUBCOMMANDS.includes(sub))
      throw new UsageError(say('cli:actor.unknownActorCommandTry', { value: sub ?? '' }));
    const lookup = async (query: string): Promise<Actor> => call('lookupActor', { query });
    const memberOf = async () => {
      const names = listOption(options, 'member-of');
      return Promise.all(names.map(async (n) => (await lookup(n)).id));
    };
    const show = async (actor: Actor, verb: string) => {
      const all = await call('listActors', {});
      print(actor, () => [`${verb} ${actorLine(actor, all)}`]);
    };
    if (sub === 'add') {
      const name = requireArg(args, 1, say('cli:actor.actorAddNeedsName'));
      const description = stringOption(options, 'description');
      const kind = kindOption(options);
      const actor = await call('createActor', {
        name,
        aliases: listOption(options, 'alias'),
        memberOf: await memberOf(),
        ...(kind ? { kind } : {}),
        ...(description ? { description } : {}),
      });
      await show(actor, say('cli:actor.added'));
      return;
    }
    const actor = await lookup(requireArg(args, 1, say('cli:actor.actorNeedsActorName', { sub })));
    if (sub === 'edit') {
      const name = stringOption(options, 'name');
      const kind = kindOption(options);
      const description = stringOption(options, 'description');
      const groups = options['member-of'] === undefined ? undefined : await memberOf();
      if (name === undefined && kind === undefined && description === undefined && groups === undefined)
        throw new UsageError(say('cli:actor.actorEditNeedsLeast'));
      const updated = await call('updateActor', {
        id: actor.id,
        ...(name ? { name } : {}),
        ...(kind ? { kind } : {}),
        ...(description ? { description } : {}),
        ...(groups ? { memberOf: groups } : {}),
      });
      await show(updated, say('cli:actor.updated'));
    } else if (sub === 'alias') {
      const add = listOption(options, 'add');
      const remove = listOption(options, 'remove');
      if (!add.length && !remove.length) throw new UsageError(say('cli:actor.actorAliasNeedsAdd'));
      const drop = new Set(remove.map(normaliseAlias));
      const unknown = remove.filter((r) => !actor.aliases.some((a) => normaliseAlias(a) === normaliseAlias(r)));
      if (unknown.length)
        throw DossierError.of('not-found', 'cli.notAnAlias', {
          value: unknown[0]!,
          name: actor.name,
          aliases: actor.aliases.join(', ') || say('cli:actor.noAliases'),
        });
      const aliases = [...actor.aliases.filter((a) => !drop.has(normaliseAlias(a))), ...add];
      const updated = await call('updateActor', { id: actor.id, aliases });
      await show(updated, say('cli:actor.updated'));
    } else if (sub === 'merge') {
      const intoName = stringOption(options, 'into');
      if (!intoName) throw new UsageError(say('cli:actor.actorMergeNeedsInto'));
      const into = await lookup(intoName);
      const result = await call('mergeActors', { keepId: into.id, dropId: actor.id });
      print(result, () => [
        say('cli:actor.mergedIntoAnnotationS', {
          name: actor.name,
          name2: result.actor.name,
          annotationsChanged: result.annotationsChanged,
          sourcesChanged: result.sourcesChanged,
        }),
      ]);
    } else {
      const result = await call('deleteActor', { id: actor.id });
      print(result, () => [
        say('cli:actor.removedAnnotationSSource', {
          name: actor.name,
          annotationsChanged: result.annotationsChanged,
          sourcesChanged: result.sourcesChanged,
        }),
      ]);
    }
  },
};
