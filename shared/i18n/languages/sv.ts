/**
 * Every Swedish catalogue, one import per namespace: the language as one module,
 * which main and the CLI bundle with the others (resources.ts) and the
 * renderer loads as a chunk of its own when the interface speaks it.
 */
import common from '../locales/sv/common.json';
import importWords from '../locales/sv/import.json';
import app from '../locales/sv/app.json';
import sources from '../locales/sv/sources.json';
import reader from '../locales/sv/reader.json';
import search from '../locales/sv/search.json';
import help from '../locales/sv/help.json';
import history from '../locales/sv/history.json';
import inspector from '../locales/sv/inspector.json';
import ui from '../locales/sv/ui.json';
import corroboration from '../locales/sv/corroboration.json';
import actors from '../locales/sv/actors.json';
import annotations from '../locales/sv/annotations.json';
import briefs from '../locales/sv/briefs.json';
import enums from '../locales/sv/enums.json';
import menu from '../locales/sv/menu.json';
import errors from '../locales/sv/errors.json';
import cli from '../locales/sv/cli.json';
import brief from '../locales/sv/brief.json';
import settings from '../locales/sv/settings.json';
import print from '../locales/sv/print.json';
import a11y from '../locales/sv/a11y.json';
import keyboard from '../locales/sv/keyboard.json';
import team from '../locales/sv/team.json';
import type { Namespace } from '../options';

export default {
  common,
  import: importWords,
  app,
  sources,
  reader,
  search,
  help,
  history,
  inspector,
  ui,
  corroboration,
  actors,
  annotations,
  briefs,
  enums,
  menu,
  errors,
  cli,
  brief,
  settings,
  print,
  a11y,
  keyboard,
  team,
} satisfies Record<Namespace, object>;
