/** claim add: mark a passage, found by its quote, as a claim. */
import { say } from '../words';
import { ANNOTATION_KINDS, AnnotationKind, ActorRole, orList, Stance } from '../../../shared/enums';
import { UsageError, type CliCommand } from '../command';
import { helpLines, requireArg, helpMore } from '../options';

/** Parses `NAME:role[:stance]`; the name may itself contain colons ("USA:s") — role and stance are taken from the end. */
export function parseActorOption(value: string): { name: string; role: ActorRole; stance?: Stance } {
  const parts = value.split(':');
  let stance: Stance | undefined;
  const last = parts.at(-1) ?? '';
  if (parts.length >= 3 && Stance.safeParse(last).success) {
    stance = last as Stance;
    parts.pop();
  }
  const role = parts.at(-1) ?? '';
  if (parts.length < 2 || !ActorRole.safeParse(role).success) {
    throw new UsageError(say('cli:claims.actorTakesNameRole', { options: ActorRole.options.join(', '), value }));
  }
  parts.pop();
  const name = parts.join(':').trim();
  if (!name) throw new UsageError(say('cli:claims.actorNeedsNameBefore', { value }));
  return { name, role: role as ActorRole, ...(stance ? { stance } : {}) };
}

export const claimCommand: CliCommand = {
  name: 'claim',
  get usage() {
    return [
      `claim add <sourceId> --quote "<exact text>" [--tag T]… [--actor NAME:role[:stance]]… [--status S] [--kind ${ANNOTATION_KINDS.join('|')}]`,
      helpMore(say('cli:claims.markPassageClaimUnknown')),
      ...helpLines('claim rm <annotationId>', say('cli:claims.removeAnnotationRelationsName')),
    ];
  },
  options: {
    quote: { type: 'string' },
    tag: { type: 'string', multiple: true },
    actor: { type: 'string', multiple: true },
    status: { type: 'string' },
    kind: { type: 'string' },
    occurrence: { type: 'string' },
  },
  async run({ args, options, call, print }) {
    const [sub, sourceId] = args;
    if (sub === 'rm') {
      const id = requireArg(args, 1, say('cli:claims.claimRmNeedsAnnotation'));
      const annotation = await call('getAnnotation', { id });
      await call('deleteAnnotation', { sourceId: annotation.sourceId, id });
      print({ deleted: annotation }, () => [
        say('cli:claims.removed', { kind: annotation.kind, id, exact: annotation.target.exact }),
      ]);
      return;
    }
    if (sub !== 'add') throw new UsageError(say('cli:claims.unknownClaimCommandTry', { value: sub ?? '' }));
    if (!sourceId) throw new UsageError(say('cli:claims.claimAddNeedsSource'));
    const quote = options.quote;
    if (typeof quote !== 'string' || !quote.trim()) throw new UsageError(say('cli:claims.claimAddNeedsQuote'));
    const actors = ((options.actor as string[] | undefined) ?? []).map(parseActorOption);
    const kind = AnnotationKind.safeParse(options.kind ?? 'claim');
    if (!kind.success)
      throw new UsageError(
        say('cli:claims.kindMustGot', { ANNOTATION_KINDS: orList(ANNOTATION_KINDS), kind: String(options.kind) }),
      );
    const occurrence = options.occurrence === undefined ? 0 : Number(options.occurrence) - 1;
    if (!Number.isInteger(occurrence) || occurrence < 0)
      throw new UsageError(say('cli:claims.occurrenceTakesNumberFrom'));
    const annotation = await call('addClaimByQuote', {
      sourceId: (await call('lookupSource', { query: sourceId })).id,
      quote,
      kind: kind.data,
      tags: (options.tag as string[] | undefined) ?? [],
      actors,
      occurrence,
      ...(typeof options.status === 'string' ? { status: options.status } : {}),
    });
    print(annotation, () => [
      say('cli:claims.line', {
        id: annotation.id,
        kind: annotation.kind,
        sourceId: annotation.sourceId,
        start: annotation.target.start,
        end: annotation.target.end,
        exact: annotation.target.exact,
      }),
    ]);
  },
};
