/** actors: the actor registry and mention suggestions (docs/cli.md). */
import { normaliseAlias, toCliSuggestion, type ActorSuggestion } from '../../../shared/actors';
import { DossierError } from '../../../shared/errors';
import type { Actor } from '../../../shared/model';
import type { NotebookSession } from '../../services/session';
import { UsageError, type CliCommand } from '../command';

function actorLine(a: Actor, all: readonly Actor[]): string {
  const aliases = a.aliases.length ? `  (${a.aliases.join(', ')})` : '';
  const member = a.memberOf.length ? `  ∈ ${a.memberOf.map((id) => all.find((x) => x.id === id)?.name ?? id).join(', ')}` : '';
  return `${a.id}  ${a.name} [${a.kind}]${aliases}${member}`;
}

/** A suggestion given by key ("state:us") or by name or a surface form ("USA", "Kina"). */
async function findSuggestion(session: NotebookSession, wanted: string): Promise<ActorSuggestion> {
  const all = await session.service.suggestActors({});
  const byKey = all.find((s) => s.key === wanted);
  if (byKey) return byKey;
  const key = normaliseAlias(wanted);
  const byName = all.find((s) => normaliseAlias(s.name) === key) ?? all.find((s) => s.aliasesSeen.some((a) => normaliseAlias(a) === key));
  if (!byName) throw new DossierError('not-found', `No current suggestion named or keyed “${wanted}” (see: dossier actors suggest).`);
  return byName;
}

export const actorsCommand: CliCommand = {
  name: 'actors',
  usage: [
    'actors                       list the actor registry',
    'actors suggest               actors detected across the sources (not yet accepted or rejected)',
    'actors accept <key|name> [--as <actor name>]',
    '                             accept a suggestion (as a new actor, or as aliases of an existing one)',
    'actors reject <key|name>     reject a suggestion for good',
  ],
  options: { as: { type: 'string' } },
  async run({ args, options, openSession, print }) {
    const [sub, ...rest] = args;
    const session = await openSession();
    if (sub === undefined || sub === 'list') {
      const actors = await session.service.listActors({});
      print(actors, () => (actors.length ? actors.map((a) => actorLine(a, actors)) : ['No actors yet. See what the sources mention with: dossier actors suggest']));
      return;
    }
    if (sub === 'suggest') {
      const suggestions = await session.service.suggestActors({});
      print(
        suggestions.map(toCliSuggestion),
        () =>
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
      const s = await findSuggestion(session, wanted);
      if (sub === 'reject') {
        const result = await session.service.rejectSuggestion({ key: s.key });
        print(result, () => [`Rejected ${s.name} (${s.key}).`]);
        return;
      }
      let asActorId: string | undefined;
      if (typeof options.as === 'string') {
        const actors = await session.service.listActors({});
        const key = normaliseAlias(options.as);
        const target = actors.find((a) => a.id === options.as || normaliseAlias(a.name) === key);
        if (!target) throw new DossierError('not-found', `No actor “${options.as}” (see: dossier actors).`);
        asActorId = target.id;
      }
      const result = await session.service.acceptSuggestion({ key: s.key, ...(asActorId ? { asActorId } : {}) });
      print(result.actor, () => [`${result.created ? 'Created' : 'Updated'} ${actorLine(result.actor, [result.actor])}`]);
      return;
    }
    throw new UsageError(`unknown actors command "${sub}" (try: dossier actors, dossier actors suggest)`);
  },
};
