/**
 * A person's settings: kept per user (in the app's user folder, shared by the
 * app, the CLI and dev:web), never in a notebook — a notebook travels between
 * people and machines, a person's language and theme do not.
 *
 * Pure: no Node, DOM or Electron.
 */
import { z } from 'zod';
import { LanguageChoice, Theme } from './enums';

export const READER_FONT_SIZE = { min: 12, max: 32, default: 18 } as const;
/** The reader's line width, in characters (`ch`). */
export const READER_LINE_WIDTH = { min: 40, max: 120, default: 72 } as const;

export const SyncSettings = z.object({
  /** Sync a shared notebook every this many minutes; 0: only when asked. */
  everyMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(0),
  /** Sync a shared notebook when it is closed. */
  onClose: z.boolean().default(false),
});

export const UserSettings = z.object({
  language: LanguageChoice.default('system'),
  theme: Theme.default('system'),
  readerFontSize: z
    .number()
    .int()
    .min(READER_FONT_SIZE.min)
    .max(READER_FONT_SIZE.max)
    .default(READER_FONT_SIZE.default),
  readerLineWidth: z
    .number()
    .int()
    .min(READER_LINE_WIDTH.min)
    .max(READER_LINE_WIDTH.max)
    .default(READER_LINE_WIDTH.default),
  /** The organisation exports name (a brief's footer, a fact check's author) unless a notebook sets its own. */
  organisation: z.string().trim().max(200).default(''),
  /** Who the person is in a shared notebook's history. */
  authorName: z.string().trim().max(200).default(''),
  authorEmail: z.string().trim().max(320).default(''),
  sync: SyncSettings.default({ everyMinutes: 0, onClose: false }),
});
export type UserSettings = z.infer<typeof UserSettings>;

type SettingsShape = typeof UserSettings.shape;
/** Each field without its default: zod fills defaults in even inside `.optional()`, and a patch must not. */
const PATCH_SHAPE = Object.fromEntries(
  Object.entries(UserSettings.shape).map(([key, field]) => [key, field.unwrap().optional()]),
) as { [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>> };

/** A change to some settings: the fields given (and only those) replace the stored ones. */
export const SettingsPatch = z.object(PATCH_SHAPE).strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: UserSettings = UserSettings.parse({});
