/**
 * Where a conflict is, in the words of the person looking: "The notebook ›
 * Actors › Anna L. › Name" rather than the merge's own record of it
 * (`notebook.json › actors › Anna L. › name`, field names as the files spell
 * them). A record keeps the name the merge gave it (an actor's name, a claim's
 * quote); a field is said from the `team` catalogue's `place.field`, and one the
 * catalogue does not know keeps its file spelling. Pure: no Node, DOM or
 * Electron.
 */
import type { Translator } from '../i18n';
import type { Conflict } from './conflicts';

const SOURCE_FILE = /^sources\/([^/]+)\.json$/;
const BRIEF_FILE = /^briefs\/([^/]+)\.json$/;

/** The steps of a conflict's place, each in the translator's language. */
export function conflictPlace(c: Pick<Conflict, 'file' | 'path' | 'label'>, t: Translator): string[] {
  // The merge's label is the file, then one name per step of the path.
  const names = c.label.split(' › ');
  const aligned = names.length === c.path.length + 1;
  const source = SOURCE_FILE.exec(c.file);
  const brief = BRIEF_FILE.exec(c.file);
  const file =
    c.file === 'notebook.json'
      ? t.t('team:place.notebook')
      : source
        ? t.t('team:place.source', { id: source[1]! })
        : brief
          ? t.t('team:place.brief', { id: brief[1]! })
          : c.file;
  // A brief file holds one brief: its first step ("brief") says nothing the file's name does not.
  const skip = brief && c.path[0] === 'brief' ? 1 : 0;
  return [
    file,
    ...c.path.slice(skip).map((step, at) => {
      const i = at + skip;
      if (typeof step !== 'string') return (aligned ? names[i + 1] : undefined) ?? step.id;
      const key = `team:place.field.${step}` as const;
      return t.exists(key) ? t.t(key as unknown as 'team:place.field.name') : step;
    }),
  ];
}
