/** relation list | add | rm: links between annotations (corroborates, contradicts, elaborates). */
import { say } from '../words';
import { RELATION_TYPES, RelationType, orList } from '../../../shared/enums';
import { UsageError, type CliCommand } from '../command';
import { helpLines, requireArg, stringOption } from '../options';

export const relationCommand: CliCommand = {
  name: 'relation',
  get usage() {
    return [
      ...helpLines('relation list <annotationId>', say('cli:relations.relationsAnnotationOtherSide')),
      ...helpLines(
        `relation add <fromId> <toId> --type ${RELATION_TYPES.join('|')}`,
        say('cli:relations.recordOneAnnotationCorroborates'),
      ),
      ...helpLines('relation rm <relationId>', say('cli:relations.removeRelation')),
    ];
  },
  options: { type: { type: 'string' } },
  readOnly: ([sub]) => sub === 'list',
  async run({ args, options, call, print }) {
    const [sub] = args;
    if (sub === 'list') {
      const annotationId = requireArg(args, 1, say('cli:relations.relationListNeedsAnnotation'));
      const relations = await call('listRelations', { annotationId });
      print(relations, () =>
        relations.length
          ? relations.map((r) => {
              const other = `${r.other.annotationId}${r.other.exact ? ` “${r.other.exact}”` : ''}`;
              return `${r.id}  ${r.from === annotationId ? `${r.type} ${other}` : say('cli:relations.otherSide', { other, type: r.type })}`;
            })
          : [say('cli:relations.none')],
      );
    } else if (sub === 'add') {
      const fromId = requireArg(args, 1, say('cli:relations.relationAddNeedsTwo'));
      const toId = requireArg(args, 2, say('cli:relations.relationAddNeedsTwo'));
      const typed = stringOption(options, 'type');
      const type = RelationType.safeParse(typed);
      if (!type.success)
        throw new UsageError(
          typed === undefined
            ? say('cli:relations.relationAddNeedsType', { RELATION_TYPES: RELATION_TYPES.join('|') })
            : say('cli:relations.typeMustGot', { RELATION_TYPES: orList(RELATION_TYPES), typed }),
        );
      const relation = await call('createRelation', { fromId, toId, type: type.data });
      print(relation, () => [`${relation.id}  ${fromId} ${relation.type} ${toId}`]);
    } else if (sub === 'rm') {
      const id = requireArg(args, 1, say('cli:relations.relationRmNeedsRelation'));
      const result = await call('deleteRelation', { id });
      print(result, () => [
        say('cli:relations.removed', {
          id,
          from: result.deleted.from,
          type: result.deleted.type,
          to: result.deleted.to,
        }),
      ]);
    } else {
      throw new UsageError(say('cli:relations.unknownRelationCommandTry', { value: sub ?? '' }));
    }
  },
};
