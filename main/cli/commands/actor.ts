/** actor add | edit | alias | merge | rm: the actor registry from the command line (docs/cli.md). */
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
  if (!parsed.success) throw new UsageError(`--kind must be ${orList(ACTOR_KINDS)} (got "${kind}")`);
  return parsed.data;
}

export const actorCommand: CliCommand = {
  name: 'actor',
  usage: [
    ...helpLines(
      `actor add <name> [--kind ${ACTOR_KINDS.join('|')}] [--alias A]… [--member-of ACTOR]… [--description "…"]`,
      'add an actor to the registry',
    ),
    ...helpLines(
      'actor edit <actor> [--name N] [--kind K] [--member-of ACTOR]… [--description "…"]',
      "change an actor's name, kind, groups (replaced by the --member-of given) or description",
    ),
    ...helpLines('actor alias <actor> [--add A]… [--remove A]…', 'add or remove other names of the actor'),
    ...helpLines('actor merge <actor> --into ACTOR', 'move its links and names to the other actor, then remove it'),
    ...helpLines('actor rm <actor>', 'remove an actor and its links from every annotation'),
  ],
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
  async run({ args, options, call, print, t }) {
    const [sub] = args;
    if (!sub || !SUBCOMMANDS.includes(sub))
      throw new UsageError(`unknown actor command "${sub ?? ''}" (try: dossier actor add <name>, dossier actors)`);
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
      const name = requireArg(args, 1, 'actor add needs a name');
      const description = stringOption(options, 'description');
      const kind = kindOption(options);
      const actor = await call('createActor', {
        name,
        aliases: listOption(options, 'alias'),
        memberOf: await memberOf(),
        ...(kind ? { kind } : {}),
        ...(description ? { description } : {}),
      });
      await show(actor, 'Added');
      return;
    }
    const actor = await lookup(
      requireArg(args, 1, `actor ${sub} needs an actor (a name, alias or id: see dossier actors)`),
    );
    if (sub === 'edit') {
      const name = stringOption(options, 'name');
      const kind = kindOption(options);
      const description = stringOption(options, 'description');
      const groups = options['member-of'] === undefined ? undefined : await memberOf();
      if (name === undefined && kind === undefined && description === undefined && groups === undefined)
        throw new UsageError('actor edit needs at least one of --name, --kind, --member-of, --description');
      const updated = await call('updateActor', {
        id: actor.id,
        ...(name ? { name } : {}),
        ...(kind ? { kind } : {}),
        ...(description ? { description } : {}),
        ...(groups ? { memberOf: groups } : {}),
      });
      await show(updated, 'Updated');
    } else if (sub === 'alias') {
      const add = listOption(options, 'add');
      const remove = listOption(options, 'remove');
      if (!add.length && !remove.length) throw new UsageError('actor alias needs --add A or --remove A');
      const drop = new Set(remove.map(normaliseAlias));
      const unknown = remove.filter((r) => !actor.aliases.some((a) => normaliseAlias(a) === normaliseAlias(r)));
      if (unknown.length)
        throw DossierError.of('not-found', 'cli.alias', {
          value: unknown[0]!,
          name: actor.name,
          aliases: actor.aliases.join(', ') || t('cli:actor.noAliases'),
        });
      const aliases = [...actor.aliases.filter((a) => !drop.has(normaliseAlias(a))), ...add];
      const updated = await call('updateActor', { id: actor.id, aliases });
      await show(updated, 'Updated');
    } else if (sub === 'merge') {
      const intoName = stringOption(options, 'into');
      if (!intoName) throw new UsageError('actor merge needs --into ACTOR');
      const into = await lookup(intoName);
      const result = await call('mergeActors', { keepId: into.id, dropId: actor.id });
      print(result, () => [
        `Merged “${actor.name}” into “${result.actor.name}” (${result.annotationsChanged} annotation(s) in ${result.sourcesChanged} source(s) changed)`,
      ]);
    } else {
      const result = await call('deleteActor', { id: actor.id });
      print(result, () => [
        `Removed “${actor.name}” (${result.annotationsChanged} annotation(s) in ${result.sourcesChanged} source(s) changed)`,
      ]);
    }
  },
};
