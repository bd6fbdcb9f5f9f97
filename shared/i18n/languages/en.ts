/**
 * Every English catalogue, one import per namespace: the language as one module,
 * which main and the CLI bundle with the others (resources.ts) and the
 * renderer loads as a chunk of its own when the interface speaks it.
 */
import common from '../locales/en/common.json';
import importWords from '../locales/en/import.json';
import app from '../locales/en/app.json';
import sources from '../locales/en/sources.json';
import reader from '../locales/en/reader.json';
import search from '../locales/en/search.json';
import help from '../locales/en/help.json';
import history from '../locales/en/history.json';
import inspector from '../locales/en/inspector.json';
import ui from '../locales/en/ui.json';
import corroboration from '../locales/en/corroboration.json';
import actors from '../locales/en/actors.json';
import annotations from '../locales/en/annotations.json';
import briefs from '../locales/en/briefs.json';
import enums from '../locales/en/enums.json';
import menu from '../locales/en/menu.json';
import errors from '../locales/en/errors.json';
import cli from '../locales/en/cli.json';
import brief from '../locales/en/brief.json';
import settings from '../locales/en/settings.json';
import print from '../locales/en/print.json';
import a11y from '../locales/en/a11y.json';
import keyboard from '../locales/en/keyboard.json';
import team from '../locales/en/team.json';
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
