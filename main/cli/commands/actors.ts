/** actors: the actor registry and mention suggestions (docs/cli.md). */
import { toCliSuggestion } from '../../../shared/actors';
import { DossierError } from '../../../shared/errors';
import type { Actor } from '../../../shared/model';
import { UsageError, type CliCommand } from '../command';

export function actorLine(a: Actor, all: readonly Actor[]): string {
  const aliases = a.aliases.length ? `  (${a.aliases.join(', ')})` : '';
  const member = a.memberOf.length
    ? `  ∈ ${a.memberOf.map((id) => all.find((x) => x.id === id)?.name ?? id).join(', ')}`
    : '';
  return `${a.id}  ${a.name} [${a.kind}]${aliases}${member}`;
}

export const actorsCommand: CliCommand = {
  name: 'actors',
  usage: [
    'actors                       list the actor registry',
    'actors suggest               actors detected across the sources (not yet accepted or rejected)',
    'actors accept <key|name> [--as <actor name>]',
    '                             accept a suggestion (as a new actor, or as aliases of an existing one;',
    '                             when an actor already carries its name, say so and merge with --as)',
    'actors reject <key|name>     reject a suggestion for good',
  ],
  options: { as: { type: 'string' } },
  readOnly: ([sub]) => sub === undefined || sub === 'list' || sub === 'suggest',
  async run({ args, options, call, print }) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === 'list') {
      const actors = await call('listActors', {});
      print(actors, () =>
        actors.length
          ? actors.map((a) => actorLine(a, actors))
          : ['No actors yet. See what the sources mention with: dossier actors suggest'],
      );
      return;
    }
    if (sub === 'suggest') {
      const suggestions = await call('suggestActors', {});
      print(suggestions.map(toCliSuggestion), () =>
        suggestions.length
          ? suggestions.map(
              (s) =>
                `${s.key}  ${s.name} [${s.kind}]  ${s.mentions} mention(s) in ${s.sourceIds.length} source(s): ${s.aliasesSeen.join(', ')}${s.existingActorId ? '  (known actor)' : ''}`,
            )
          : ['No suggestions.'],
      );
      return;
    }
    if (sub === 'accept' || sub === 'reject') {
      const wanted = rest.join(' ').trim();
      if (!wanted) throw new UsageError(`actors ${sub} needs a suggestion key or name (see: dossier actors suggest)`);
      const s = await call('lookupSuggestion', { query: wanted });
      if (sub === 'reject') {
        const result = await call('rejectSuggestion', { key: s.key });
        print(result, () => [`Rejected ${s.name} (${s.key}).`]);
        return;
      }
      const asActorId =
        typeof options.as === 'string' ? (await call('lookupActor', { query: options.as })).id : undefined;
      const result = await call('acceptSuggestion', { key: s.key, ...(asActorId ? { asActorId } : {}) });
      if (result.conflict) {
        const { actor, names } = result.conflict;
        throw DossierError.of('invalid-input', 'cli.alreadyNameMergeInto', {
          value: names.join('”, “'),
          name: actor.name,
          id: actor.id,
          key: s.key,
        });
      }
      print(result.actor, () => [
        `${result.created ? 'Created' : 'Updated'} ${actorLine(result.actor, [result.actor])}`,
      ]);
      return;
    }
    throw new UsageError(`unknown actors command "${sub}" (try: dossier actors, dossier actors suggest)`);
  },
};
