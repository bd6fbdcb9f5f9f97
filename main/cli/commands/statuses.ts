/**
 * status list | rating | scale, and notebook set: the statuses' fact-check
 * ratings and the organisation that publishes the fact checks — the settings
 * the ClaimReview export reads (docs/cli.md).
 */
import { say } from '../words';
import type { FactCheckSettings } from '../../../shared/model';
import { UsageError, type CliCommand, type CommandContext } from '../command';
import { helpLines, requireArg, stringOption } from '../options';

/** A number option (`--value 2.5`); undefined when absent. */
function numberOption(options: CommandContext['options'], name: string): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new UsageError(say('cli:statuses.takesNumberGot', { name, text }));
  return value;
}

/** The lines `status list` prints: each status with its rating, the scale, the organisation. */
function settingsLines(statuses: readonly string[], settings: FactCheckSettings | undefined): string[] {
  const ratings = settings?.ratings ?? {};
  const width = Math.max(...statuses.map((s) => s.length));
  return [
    ...statuses.map((s) => {
      const r = ratings[s];
      return `${s.padEnd(width)}  ${r ? `${r.value}  ${r.name}` : say('cli:statuses.ratingVerdict')}`;
    }),
    say('cli:statuses.scaleWorstBest', { value: settings?.scale.worst ?? 1, value2: settings?.scale.best ?? 5 }),
    say('cli:statuses.organisation', {
      value: settings?.organisation
        ? `${settings.organisation.name}${settings.organisation.url ? ` <${settings.organisation.url}>` : ''}`
        : say('cli:statuses.notSet'),
    }),
  ];
}

const STATUS_SUBCOMMANDS = ['list', 'rating', 'scale'];

export const statusCommand: CliCommand = {
  name: 'status',
  get usage() {
    return [
      ...helpLines('status list', say('cli:statuses.statusesTheirFactCheck')),
      ...helpLines('status rating <status> --value N --name "…" | --clear', say('cli:statuses.statusSVerdictFact')),
      ...helpLines('status scale --worst N --best N', say('cli:statuses.scaleRatingsLie1')),
    ];
  },
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
      throw new UsageError(say('cli:statuses.unknownStatusCommandTry', { value: sub ?? '' }));
    if (sub === 'list') {
      const { statuses, factCheck } = await call('getNotebook', {});
      print({ statuses, factCheck: factCheck ?? null }, () => settingsLines(statuses, factCheck));
      return;
    }
    if (sub === 'scale') {
      const worst = numberOption(options, 'worst');
      const best = numberOption(options, 'best');
      if (worst === undefined || best === undefined) throw new UsageError(say('cli:statuses.statusScaleNeedsWorst'));
      const settings = await call('setFactCheckSettings', { scale: { worst, best } });
      print(settings, () => [say('cli:statuses.ratingsNowRunFrom', { worst, best })]);
      return;
    }
    const status = requireArg(args, 1, say('cli:statuses.statusRatingNeedsStatus'));
    if (options.clear === true) {
      if (options.value !== undefined || options.name !== undefined)
        throw new UsageError(say('cli:statuses.statusRatingTakesEither'));
      const settings = await call('setFactCheckSettings', { ratings: { [status]: null } });
      print(settings, () => [say('cli:statuses.hasRatingClaimsAre', { status })]);
      return;
    }
    const value = numberOption(options, 'value');
    const name = stringOption(options, 'name');
    if (value === undefined || name === undefined) throw new UsageError(say('cli:statuses.statusRatingNeedsValue'));
    const settings = await call('setFactCheckSettings', { ratings: { [status]: { value, name } } });
    print(settings, () => [
      say('cli:statuses.ratesScale', { status, value, name, worst: settings.scale.worst, best: settings.scale.best }),
    ]);
  },
};

export const notebookCommand: CliCommand = {
  name: 'notebook',
  get usage() {
    return [
      ...helpLines(
        'notebook set --organisation "…" [--url <page>]',
        say('cli:statuses.organisationPublishesFactChecks'),
      ),
    ];
  },
  options: { organisation: { type: 'string' }, url: { type: 'string' } },
  async run({ args, options, call, print }) {
    const [sub] = args;
    if (sub !== 'set') throw new UsageError(say('cli:statuses.unknownNotebookCommandTry', { value: sub ?? '' }));
    if (options.organisation === undefined && options.url === undefined)
      throw new UsageError(say('cli:statuses.notebookSetNeedsOrganisation'));
    const current = (await call('getNotebook', {})).factCheck?.organisation;
    const name = stringOption(options, 'organisation') ?? current?.name;
    const url = stringOption(options, 'url') ?? current?.url;
    if (!name) throw new UsageError(say('cli:statuses.notebookSetNeedsOrganisation2'));
    const settings = await call('setFactCheckSettings', { organisation: { name, ...(url ? { url } : {}) } });
    print(settings.organisation, () => [say('cli:statuses.organisationSet', { name, value: url ? ` <${url}>` : '' })]);
  },
};
