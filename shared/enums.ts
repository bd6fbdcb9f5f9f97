/**
 * Every closed list of values Dossier knows, each defined once.
 *
 * For each list: a const array (`as const`, the order the UI shows), the zod
 * enum derived from it (API and model schemas use it; its type is the union),
 * and English display labels only where main or the CLI still show them (the
 * interface's labels, in every language, are in the `enums` catalogue:
 * shared/i18n/locales/<language>/enums.json, keyed `<list>.<value>`). Everything else —
 * the model, the API schemas, the services, the CLI's help and errors, the
 * Electron menu and file dialogs, the renderer's selects, buttons and file
 * input — imports the list from here instead of spelling its values out.
 * tests/unit/repo/enums.test.ts fails when a copy appears elsewhere.
 *
 * Pure: no Node, DOM or Electron.
 */
import { z } from 'zod';

/** "a, b or c": for help text and error messages. */
export function orList(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

// ---------------------------------------------------------------- sources

/** How a source came in: a file, pasted text, a web address, or made by Dossier. */
export const ORIGIN_KINDS = ['file', 'paste', 'url', 'generated'] as const;
export const OriginKind = z.enum(ORIGIN_KINDS);
export type OriginKind = z.infer<typeof OriginKind>;

/** How the source list is ordered: as imported (the notebook's order), by title, or newest published first. */
export const SOURCE_SORTS = ['imported', 'title', 'published'] as const;
export const SourceSort = z.enum(SOURCE_SORTS);
export type SourceSort = z.infer<typeof SourceSort>;

// ---------------------------------------------------------------- annotations

export const ANNOTATION_KINDS = ['claim', 'highlight', 'note'] as const;
export const AnnotationKind = z.enum(ANNOTATION_KINDS);
export type AnnotationKind = z.infer<typeof AnnotationKind>;
export const ANNOTATION_KIND_LABEL: Record<AnnotationKind, string> = {
  claim: 'Claim',
  highlight: 'Highlight',
  note: 'Note',
};

/**
 * Why a stored annotation could not be placed in its source's text (an orphan): its quote is empty,
 * not found even approximately, found only with too many changed characters, or only as a weak
 * match whose surroundings changed too. The words are in the `reader` catalogue (`orphanReason.<value>`).
 */
export const ORPHAN_REASONS = ['empty-quote', 'not-found', 'quote-changed', 'weak-match'] as const;
export const OrphanReason = z.enum(ORPHAN_REASONS);
export type OrphanReason = z.infer<typeof OrphanReason>;

/** How an annotation relates to another (a relation's `type`). */
export const RELATION_TYPES = ['corroborates', 'contradicts', 'elaborates'] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

// ---------------------------------------------------------------- actors

export const ACTOR_KINDS = ['person', 'organisation', 'state', 'igo', 'group', 'other'] as const;
export const ActorKind = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKind>;
export const ACTOR_KIND_LABEL: Record<ActorKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  state: 'State',
  igo: 'International body',
  group: 'Group',
  other: 'Other',
};

/** An actor's part in an annotation, strongest first. */
export const ACTOR_ROLES = ['speaker', 'subject', 'mentioned'] as const;
export const ActorRole = z.enum(ACTOR_ROLES);
export type ActorRole = z.infer<typeof ActorRole>;

export const STANCES = ['supports', 'opposes', 'neutral'] as const;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;
/** The actor page's stance filter: a stance, or "none" for links without one. */
export const STANCE_FILTERS = [...STANCES, 'none'] as const;
export const StanceFilter = z.enum(STANCE_FILTERS);
export type StanceFilter = z.infer<typeof StanceFilter>;
export const STANCE_FILTER_LABEL: Record<StanceFilter, string> = {
  supports: 'supports',
  opposes: 'opposes',
  neutral: 'neutral',
  none: 'no stance',
};

// ---------------------------------------------------------------- search

/** Where the search index came from when the notebook opened: its cache file, a fresh build, or not loaded yet. */
export const INDEX_ORIGINS = ['cache', 'build', 'none'] as const;
export const IndexOrigin = z.enum(INDEX_ORIGINS);
export type IndexOrigin = z.infer<typeof IndexOrigin>;

// ---------------------------------------------------------------- import

/** The kinds of file import reads. */
export const IMPORT_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** Each format's file extensions (without the dot), the usual one first. */
export const IMPORT_FORMAT_INFO: Record<ImportFormat, { label: string; extensions: readonly [string, ...string[]] }> = {
  txt: { label: 'Plain text', extensions: ['txt', 'text'] },
  md: { label: 'Markdown', extensions: ['md', 'markdown'] },
  html: { label: 'Web page', extensions: ['html', 'htm', 'xhtml'] },
  pdf: { label: 'PDF', extensions: ['pdf'] },
  docx: { label: 'Word document', extensions: ['docx'] },
};
/** Every extension import reads (lower case, no dot): the file dialog's filter, the folder walk, the file input. */
export const IMPORT_EXTENSIONS: readonly string[] = IMPORT_FORMATS.flatMap((f) => IMPORT_FORMAT_INFO[f].extensions);
/** The usual extension of each format, dotted (".txt", ".md", …): for help text. */
export const IMPORT_USUAL_EXTENSIONS: readonly string[] = IMPORT_FORMATS.map(
  (f) => `.${IMPORT_FORMAT_INFO[f].extensions[0]}`,
);
/** ".txt, .md, .html, .pdf or .docx": for messages. */
export const IMPORT_EXTENSIONS_TEXT = orList(IMPORT_USUAL_EXTENSIONS);

/**
 * Why import took a block out of an article's reading text (a removed block's `reason`, shown as
 * the group heading of "What import removed"). Metadata lines first, then boilerplate, then what
 * the classifier dropped without a rule. Stored notebooks may hold older reasons: the model keeps
 * `reason` a string.
 */
export const REMOVAL_REASONS = [
  'title',
  'byline',
  'dateline',
  'caption',
  'navigation',
  'imprint',
  'cookie notice',
  'notification prompt',
  'newsletter',
  'advertisement',
  'event ad',
  'deal bar',
  'promo',
  'share buttons',
  'copyright',
  'back link',
  'related links',
  'comments',
  'links',
  'link list',
  'page number',
  'page header or footer',
  'outside the article',
  'short line outside the article',
  'not article text',
] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

/** The import format an extension (lower case, no dot) belongs to. */
export function importFormatOf(extension: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((f) => IMPORT_FORMAT_INFO[f].extensions.includes(extension));
}

// ---------------------------------------------------------------- brief export

export const BRIEF_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;
export const BriefFormat = z.enum(BRIEF_FORMATS);
export type BriefFormat = z.infer<typeof BriefFormat>;
/**
 * Per export format: file extension and MIME type. Its names (in sentences, on a button, in the
 * menu) are words of the `enums` catalogue, `briefFormat.<format>.label|button|menu`.
 */
export const BRIEF_FORMAT_INFO: Record<BriefFormat, { extension: string; mime: string }> = {
  docx: { extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { extension: 'pdf', mime: 'application/pdf' },
  md: { extension: 'md', mime: 'text/markdown; charset=utf-8' },
  html: { extension: 'html', mime: 'text/html; charset=utf-8' },
};

/** How a citation style cites: numbered notes, or in the text ("(Frost, 2025)"). */
export const CITATION_KINDS = ['note', 'in-text'] as const;
export const CitationKind = z.enum(CITATION_KINDS);
export type CitationKind = z.infer<typeof CitationKind>;
/** Where a citation style comes from: built into Dossier, or a `.csl` file in the notebook's styles/. */
export const STYLE_ORIGINS = ['built-in', 'notebook'] as const;
export const StyleOrigin = z.enum(STYLE_ORIGINS);

// ---------------------------------------------------------------- interop (exchange formats)

/**
 * The exchange formats a notebook is exported to (and, where `imports`, read
 * back from): W3C Web Annotations, a REFI-QDA project and codebook, sources as
 * references, fact-check markup. docs/interop.md describes each.
 */
export const INTEROP_FORMATS = ['w3c', 'qdpx', 'qdc', 'csl', 'bibtex', 'ris', 'claimreview'] as const;
export const InteropFormat = z.enum(INTEROP_FORMATS);
export type InteropFormat = z.infer<typeof InteropFormat>;
/**
 * Per format: file extension, MIME type and whether import reads it. Its names, in sentences and in
 * menus, are the `enums` catalogue's `interopFormat.<format>` (`interopFormatName` in shared/interop-summary.ts).
 */
export const INTEROP_FORMAT_INFO: Record<InteropFormat, { extension: string; mime: string; imports: boolean }> = {
  w3c: {
    extension: 'jsonld',
    mime: 'application/ld+json',
    imports: true,
  },
  qdpx: {
    extension: 'qdpx',
    mime: 'application/zip',
    imports: true,
  },
  qdc: {
    extension: 'qdc',
    mime: 'application/xml',
    imports: true,
  },
  csl: {
    extension: 'json',
    mime: 'application/vnd.citationstyles.csl+json',
    imports: false,
  },
  bibtex: {
    extension: 'bib',
    mime: 'application/x-bibtex',
    imports: false,
  },
  ris: {
    extension: 'ris',
    mime: 'application/x-research-info-systems',
    imports: false,
  },
  claimreview: {
    extension: 'jsonld',
    mime: 'application/ld+json',
    imports: false,
  },
};
/**
 * Extensions (no dot) of files import offers to the exchange-format readers
 * before reading them as articles: the readers decide by content.
 */
export const INTEROP_IMPORT_EXTENSIONS: readonly string[] = [
  ...new Set([
    ...INTEROP_FORMATS.filter((f) => INTEROP_FORMAT_INFO[f].imports).map((f) => INTEROP_FORMAT_INFO[f].extension),
    'json',
  ]),
];

/** Every extension import takes: articles, then exchange files (the folder walk, the file dialog). */
export const IMPORTABLE_EXTENSIONS: readonly string[] = [
  ...new Set([...IMPORT_EXTENSIONS, ...INTEROP_IMPORT_EXTENSIONS]),
];
/** The `accept` attribute of the renderer's file input. */
export const IMPORT_ACCEPT = IMPORTABLE_EXTENSIONS.map((ext) => `.${ext}`).join(',');

// ---------------------------------------------------------------- menu commands

type ExportBriefCommand = `export-brief:${BriefFormat}`;
const EXPORT_BRIEF_PREFIX = 'export-brief:';

/** The menu command that asks the open brief editor to export in `format`. */
export function exportBriefCommand(format: BriefFormat): ExportBriefCommand {
  return `${EXPORT_BRIEF_PREFIX}${format}`;
}

/**
 * Native menu items the renderer carries out, sent as `{type:'menu', command}`:
 * Edit › Undo/Redo and Find… (the command palette), Help › Keyboard Shortcuts,
 * File › Export Brief (acted on by the open brief editor), Edit › History… (the
 * History panel), File › Settings… (Preferences… on macOS), File › Shared
 * Timeline… (a shared notebook's commits: the timeline panel), File › Share
 * notebook… and Open shared notebook… (the page's dialog asks where), and
 * `import`, which opens the page's own file picker (where no native dialog exists).
 */
const PLAIN_MENU_COMMANDS = [
  'undo',
  'redo',
  'search',
  'shortcuts',
  'import',
  'history',
  'next-pane',
  'previous-pane',
  'settings',
  'timeline',
  'share-notebook',
  'open-shared-notebook',
] as const;
export const MENU_COMMANDS = [...PLAIN_MENU_COMMANDS, ...BRIEF_FORMATS.map(exportBriefCommand)] as readonly [
  ...typeof PLAIN_MENU_COMMANDS,
  ...ExportBriefCommand[],
];
export const MenuCommand = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommand>;

/** The export format a menu command asks for, if it is an export command. */
export function briefFormatOfCommand(command: MenuCommand): BriefFormat | undefined {
  if (!command.startsWith(EXPORT_BRIEF_PREFIX)) return undefined;
  const format = BriefFormat.safeParse(command.slice(EXPORT_BRIEF_PREFIX.length));
  return format.success ? format.data : undefined;
}

// ---------------------------------------------------------------- snapshots

/**
 * Why a snapshot of the notebook was taken: on opening it, before a risky
 * change (deleting a source, merging tags or actors, a jump across many steps
 * of the history, a restore), or because the person asked.
 */
export const SNAPSHOT_REASONS = ['open', 'delete', 'merge', 'jump', 'restore', 'manual'] as const;
export const SnapshotReason = z.enum(SNAPSHOT_REASONS);
export type SnapshotReason = z.infer<typeof SnapshotReason>;

// ---------------------------------------------------------------- interface language

/** The languages the interface, the CLI and a brief's fixed words are written in; English is the fallback. */
export const UI_LANGUAGES = ['en', 'sv'] as const;
export const UiLanguage = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguage>;

/** Each language's name in itself, for a language picker. */
export const UI_LANGUAGE_NAME: Record<UiLanguage, string> = { en: 'English', sv: 'Svenska' };

/** The interface language a person chose: a language, or whatever the system prefers. */
export const LANGUAGE_CHOICES = ['system', ...UI_LANGUAGES] as const;
export const LanguageChoice = z.enum(LANGUAGE_CHOICES);
export type LanguageChoice = z.infer<typeof LanguageChoice>;

/** The colour theme: the system's, or always light or dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;
