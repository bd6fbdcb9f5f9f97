/**
 * status list | rating | scale, and notebook set: the statuses' fact-check
 * ratings and the organisation that publishes the fact checks — the settings
 * the ClaimReview export reads (docs/cli.md).
 */
import type { FactCheckSettings } from '../../../shared/model';
import { UsageError, type CliCommand, type CommandContext } from '../command';
import { helpLines, requireArg, stringOption } from '../options';

/** A number option (`--value 2.5`); undefined when absent. */
function numberOption(options: CommandContext['options'], name: string): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new UsageError(`--${name} takes a number (got "${text}")`);
  return value;
}

/** The lines `status list` prints: each status with its rating, the scale, the organisation. */
function settingsLines(statuses: readonly string[], settings: FactCheckSettings | undefined): string[] {
  const ratings = settings?.ratings ?? {};
  const width = Math.max(...statuses.map((s) => s.length));
  return [
    ...statuses.map((s) => {
      const r = ratings[s];
      return `${s.padEnd(width)}  ${r ? `${r.value}  ${r.name}` : '(no rating: not a verdict)'}`;
    }),
    `Scale: ${settings?.scale.worst ?? 1} (worst) to ${settings?.scale.best ?? 5} (best)`,
    `Organisation: ${settings?.organisation ? `${settings.organisation.name}${settings.organisation.url ? ` <${settings.organisation.url}>` : ''}` : '(not set)'}`,
  ];
}

const STATUS_SUBCOMMANDS = ['list', 'rating', 'scale'];

export const statusCommand: CliCommand = {
  name: 'status',
  usage: [
    ...helpLines('status list', 'the statuses with their fact-check ratings, the scale and the organisation'),
    ...helpLines(
      'status rating <status> --value N --name "…" | --clear',
      "the status's verdict in fact-check exports (ClaimReview); --clear: its claims are no verdicts",
    ),
    ...helpLines('status scale --worst N --best N', 'the scale ratings lie on (1 to 5 until set)'),
  ],
  options: {
    value: { type: 'string' },
    name: { type: 'string' },
    clear: { type: 'boolean' },
    worst: { type: 'string' },
    best: { type: 'string' },
  },
  readOnly: ([sub]) => sub === 'list',
  async run({ args, options, call, print }) {
    const [sub] = args;
    if (!sub || !STATUS_SUBCOMMANDS.includes(sub))
      throw new UsageError(`unknown status command "${sub ?? ''}" (try: dossier status list)`);
    if (sub === 'list') {
      const { statuses, factCheck } = await call('getNotebook', {});
      print({ statuses, factCheck: factCheck ?? null }, () => settingsLines(statuses, factCheck));
      return;
    }
    if (sub === 'scale') {
      const worst = numberOption(options, 'worst');
      const best = numberOption(options, 'best');
      if (worst === undefined || best === undefined) throw new UsageError('status scale needs --worst N and --best N');
      const settings = await call('setFactCheckSettings', { scale: { worst, best } });
      print(settings, () => [`Ratings now run from ${worst} (worst) to ${best} (best)`]);
      return;
    }
    const status = requireArg(args, 1, 'status rating needs a status (see dossier status list)');
    if (options.clear === true) {
      if (options.value !== undefined || options.name !== undefined)
        throw new UsageError('status rating takes either --clear or --value and --name');
      const settings = await call('setFactCheckSettings', { ratings: { [status]: null } });
      print(settings, () => [`“${status}” has no rating: its claims are not verdicts`]);
      return;
    }
    const value = numberOption(options, 'value');
    const name = stringOption(options, 'name');
    if (value === undefined || name === undefined)
      throw new UsageError('status rating needs --value N and --name "…" (or --clear)');
    const settings = await call('setFactCheckSettings', { ratings: { [status]: { value, name } } });
    print(settings, () => [
      `“${status}” rates ${value} (“${name}”) on the scale ${settings.scale.worst}–${settings.scale.best}`,
    ]);
  },
};

export const notebookCommand: CliCommand = {
  name: 'notebook',
  usage: [
    ...helpLines(
      'notebook set --organisation "…" [--url <page>]',
      'the organisation that publishes the fact checks, and the page it publishes them on (ClaimReview)',
    ),
  ],
  options: { organisation: { type: 'string' }, url: { type: 'string' } },
  async run({ args, options, call, print }) {
    const [sub] = args;
    if (sub !== 'set')
      throw new UsageError(`unknown notebook command "${sub ?? ''}" (try: dossier notebook set --organisation "…")`);
    if (options.organisation === undefined && options.url === undefined)
      throw new UsageError('notebook set needs --organisation "…", --url <page> or both');
    const current = (await call('getNotebook', {})).factCheck?.organisation;
    const name = stringOption(options, 'organisation') ?? current?.name;
    const url = stringOption(options, 'url') ?? current?.url;
    if (!name) throw new UsageError('notebook set needs --organisation "…"');
    const settings = await call('setFactCheckSettings', { organisation: { name, ...(url ? { url } : {}) } });
    print(settings.organisation, () => [`Organisation: ${name}${url ? ` <${url}>` : ''}`]);
  },
};
