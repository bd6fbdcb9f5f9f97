/** relation list | add | rm: links between annotations (corroborates, contradicts, elaborates). */
import { RELATION_TYPES, RelationType, orList } from '../../../shared/enums';
import { UsageError, type CliCommand } from '../command';
import { helpLines, requireArg, stringOption } from '../options';

export const relationCommand: CliCommand = {
  name: 'relation',
  usage: [
    ...helpLines('relation list <annotationId>', 'the relations of an annotation, with the other side'),
    ...helpLines(
      `relation add <fromId> <toId> --type ${RELATION_TYPES.join('|')}`,
      'record that one annotation corroborates, contradicts or elaborates another',
    ),
    ...helpLines('relation rm <relationId>', 'remove a relation'),
  ],
  options: { type: { type: 'string' } },
  readOnly: ([sub]) => sub === 'list',
  async run({ args, options, call, print }) {
    const [sub] = args;
    if (sub === 'list') {
      const annotationId = requireArg(args, 1, 'relation list needs an annotation id');
      const relations = await call('listRelations', { annotationId });
      print(relations, () =>
        relations.length
          ? relations.map((r) => {
              const other = `${r.other.annotationId}${r.other.exact ? ` “${r.other.exact}”` : ''}`;
              return `${r.id}  ${r.from === annotationId ? `${r.type} ${other}` : `${other} ${r.type} it`}`;
            })
          : ['No relations.'],
      );
    } else if (sub === 'add') {
      const fromId = requireArg(args, 1, 'relation add needs two annotation ids');
      const toId = requireArg(args, 2, 'relation add needs two annotation ids');
      const typed = stringOption(options, 'type');
      const type = RelationType.safeParse(typed);
      if (!type.success)
        throw new UsageError(
          typed === undefined
            ? `relation add needs --type ${RELATION_TYPES.join('|')}`
            : `--type must be ${orList(RELATION_TYPES)} (got "${typed}")`,
        );
      const relation = await call('createRelation', { fromId, toId, type: type.data });
      print(relation, () => [`${relation.id}  ${fromId} ${relation.type} ${toId}`]);
    } else if (sub === 'rm') {
      const id = requireArg(args, 1, 'relation rm needs a relation id (see: dossier relation list <annotationId>)');
      const result = await call('deleteRelation', { id });
      print(result, () => [`Removed ${id} (${result.deleted.from} ${result.deleted.type} ${result.deleted.to})`]);
    } else {
      throw new UsageError(
        `unknown relation command "${sub ?? ''}" (try: dossier relation add <fromId> <toId> --type …)`,
      );
    }
  },
};
