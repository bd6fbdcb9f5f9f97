/** actors: the actor registry and mention suggestions (docs/cli.md). */
import { say } from '../words';
import { toCliSuggestion } from '../../../shared/actors';
import { DossierError } from '../../../shared/errors';
import type { Actor } from '../../../shared/model';
import { UsageError, type CliCommand } from '../command';
import { helpLines, helpMore } from '../options';

export function actorLine(a: Actor, all: readonly Actor[]): string {
  const aliases = a.aliases.length ? `  (${a.aliases.join(', ')})` : '';
  const member = a.memberOf.length
    ? `  ∈ ${a.memberOf.map((id) => all.find((x) => x.id === id)?.name ?? id).join(', ')}`
    : '';
  return `${a.id}  ${a.name} [${a.kind}]${aliases}${member}`;
}

export const actorsCommand: CliCommand = {
  name: 'actors',
  get usage() {
    return [
      ...helpLines('actors', say('cli:actors.listActorRegistry')),
      ...helpLines('actors suggest', say('cli:actors.actorsDetectedAcrossSources')),
      'actors accept <key|name> [--as <actor name>]',
      helpMore(say('cli:actors.acceptSuggestionNewActor')),
      helpMore(say('cli:actors.whenActorAlreadyCarries')),
      ...helpLines('actors reject <key|name>', say('cli:actors.rejectSuggestionGood')),
    ];
  },
  options: { as: { type: 'string' } },
  readOnly: ([sub]) => sub === undefined || sub === 'list' || sub === 'suggest',
  async run({ args, options, call, print }) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === 'list') {
      const actors = await call('listActors', {});
      print(actors, () =>
        actors.length ? actors.map((a) => actorLine(a, actors)) : [say('cli:actors.actorsYetSeeWhat')],
      );
      return;
    }
    if (sub === 'suggest') {
      const suggestions = await call('suggestActors', {});
      print(suggestions.map(toCliSuggestion), () =>
        suggestions.length
          ? suggestions.map((s) =>
              say('cli:actors.mentionSSourceS', {
                key: s.key,
                name: s.name,
                kind: s.kind,
                mentions: s.mentions,
                sourceIdsCount: s.sourceIds.length,
                aliasesSeen: s.aliasesSeen.join(', '),
                value: s.existingActorId ? `  ${say('cli:actors.knownActor')}` : '',
              }),
            )
          : [say('cli:actors.noSuggestions')],
      );
      return;
    }
    if (sub === 'accept' || sub === 'reject') {
      const wanted = rest.join(' ').trim();
      if (!wanted) throw new UsageError(say('cli:actors.actorsNeedsSuggestionKey', { sub }));
      const s = await call('lookupSuggestion', { query: wanted });
      if (sub === 'reject') {
        const result = await call('rejectSuggestion', { key: s.key });
        print(result, () => [say('cli:actors.rejected', { name: s.name, key: s.key })]);
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
        `${result.created ? say('cli:actors.created') : say('cli:actors.updated')} ${actorLine(result.actor, [result.actor])}`,
      ]);
      return;
    }
    throw new UsageError(say('cli:actors.unknownActorsCommandTry', { sub }));
  },
};
