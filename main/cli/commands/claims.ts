/** claim add: mark a passage, found by its quote, as a claim. */
import { ANNOTATION_KINDS, AnnotationKind, ActorRole, orList, Stance } from '../../../shared/enums';
import { UsageError, type CliCommand } from '../command';
import { helpLines, requireArg } from '../options';

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
    throw new UsageError(
      `--actor takes NAME:role[:stance] with role one of ${ActorRole.options.join(', ')} (got "${value}")`,
    );
  }
  parts.pop();
  const name = parts.join(':').trim();
  if (!name) throw new UsageError(`--actor needs a name before the role (got "${value}")`);
  return { name, role: role as ActorRole, ...(stance ? { stance } : {}) };
}

export const claimCommand: CliCommand = {
  name: 'claim',
  usage: [
    `claim add <sourceId> --quote "<exact text>" [--tag T]… [--actor NAME:role[:stance]]… [--status S] [--kind ${ANNOTATION_KINDS.join('|')}]`,
    '                             mark a passage as a claim (unknown tags and actors are created)',
    ...helpLines('claim rm <annotationId>', 'remove an annotation and the relations that name it'),
  ],
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
      const id = requireArg(args, 1, 'claim rm needs an annotation id (see: dossier show <sourceId>)');
      const annotation = await call('getAnnotation', { id });
      await call('deleteAnnotation', { sourceId: annotation.sourceId, id });
      print({ deleted: annotation }, () => [`Removed ${annotation.kind} ${id}: “${annotation.target.exact}”`]);
      return;
    }
    if (sub !== 'add')
      throw new UsageError(`unknown claim command "${sub ?? ''}" (try: dossier claim add <sourceId> --quote "…")`);
    if (!sourceId) throw new UsageError('claim add needs a source id (see: dossier sources)');
    const quote = options.quote;
    if (typeof quote !== 'string' || !quote.trim())
      throw new UsageError('claim add needs --quote "<exact text from the source>"');
    const actors = ((options.actor as string[] | undefined) ?? []).map(parseActorOption);
    const kind = AnnotationKind.safeParse(options.kind ?? 'claim');
    if (!kind.success)
      throw new UsageError(`--kind must be ${orList(ANNOTATION_KINDS)} (got "${String(options.kind)}")`);
    const occurrence = options.occurrence === undefined ? 0 : Number(options.occurrence) - 1;
    if (!Number.isInteger(occurrence) || occurrence < 0) throw new UsageError('--occurrence takes a number from 1');
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
      `${annotation.id}  ${annotation.kind} on ${annotation.sourceId} [${annotation.target.start}–${annotation.target.end}]: “${annotation.target.exact}”`,
    ]);
  },
};
