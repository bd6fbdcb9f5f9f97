/**
 * The catalogues, bundled (no loading at run time: Dossier is offline and the
 * first paint must already have its words). One namespace per renderer feature
 * folder, plus the main process's (menu, errors, cli), the exported brief's
 * fixed words (brief) and the shared lists' labels (enums). Add a namespace
 * here and in both language folders.
 */
import enCommon from './locales/en/common.json';
import svCommon from './locales/sv/common.json';
import enImport from './locales/en/import.json';
import svImport from './locales/sv/import.json';
import enApp from './locales/en/app.json';
import svApp from './locales/sv/app.json';
import enSources from './locales/en/sources.json';
import svSources from './locales/sv/sources.json';
import enReader from './locales/en/reader.json';
import svReader from './locales/sv/reader.json';
import enSearch from './locales/en/search.json';
import svSearch from './locales/sv/search.json';
import enHelp from './locales/en/help.json';
import svHelp from './locales/sv/help.json';
import enHistory from './locales/en/history.json';
import svHistory from './locales/sv/history.json';
import enInspector from './locales/en/inspector.json';
import svInspector from './locales/sv/inspector.json';
import enUi from './locales/en/ui.json';
import svUi from './locales/sv/ui.json';
import enCorroboration from './locales/en/corroboration.json';
import svCorroboration from './locales/sv/corroboration.json';
import enActors from './locales/en/actors.json';
import svActors from './locales/sv/actors.json';
import enAnnotations from './locales/en/annotations.json';
import svAnnotations from './locales/sv/annotations.json';
import enBriefs from './locales/en/briefs.json';
import svBriefs from './locales/sv/briefs.json';
import enEnums from './locales/en/enums.json';
import svEnums from './locales/sv/enums.json';
import enMenu from './locales/en/menu.json';
import svMenu from './locales/sv/menu.json';
import enErrors from './locales/en/errors.json';
import svErrors from './locales/sv/errors.json';
import enCli from './locales/en/cli.json';
import svCli from './locales/sv/cli.json';
import enBrief from './locales/en/brief.json';
import svBrief from './locales/sv/brief.json';
import enSettings from './locales/en/settings.json';
import svSettings from './locales/sv/settings.json';
import enPrint from './locales/en/print.json';
import svPrint from './locales/sv/print.json';
import enA11y from './locales/en/a11y.json';
import svA11y from './locales/sv/a11y.json';
import enKeyboard from './locales/en/keyboard.json';
import svKeyboard from './locales/sv/keyboard.json';
import enTeam from './locales/en/team.json';
import svTeam from './locales/sv/team.json';

export const resources = {
  en: {
    common: enCommon,
    import: enImport,
    app: enApp,
    sources: enSources,
    reader: enReader,
    search: enSearch,
    help: enHelp,
    history: enHistory,
    inspector: enInspector,
    ui: enUi,
    corroboration: enCorroboration,
    actors: enActors,
    annotations: enAnnotations,
    briefs: enBriefs,
    enums: enEnums,
    menu: enMenu,
    errors: enErrors,
    cli: enCli,
    brief: enBrief,
    settings: enSettings,
    print: enPrint,
    a11y: enA11y,
    keyboard: enKeyboard,
    team: enTeam,
  },
  sv: {
    common: svCommon,
    import: svImport,
    app: svApp,
    sources: svSources,
    reader: svReader,
    search: svSearch,
    help: svHelp,
    history: svHistory,
    inspector: svInspector,
    ui: svUi,
    corroboration: svCorroboration,
    actors: svActors,
    annotations: svAnnotations,
    briefs: svBriefs,
    enums: svEnums,
    menu: svMenu,
    errors: svErrors,
    cli: svCli,
    brief: svBrief,
    settings: svSettings,
    print: svPrint,
    a11y: svA11y,
    keyboard: svKeyboard,
    team: svTeam,
  },
} as const;

export type Namespace = keyof (typeof resources)['en'];
export const NAMESPACES = Object.keys(resources.en) as Namespace[];
