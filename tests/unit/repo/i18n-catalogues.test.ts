/**
 * The catalogues (shared/i18n/locales/<language>/<namespace>.json) are
 * complete: every language has every namespace, exactly English's keys, the
 * same {{placeholders}} and <tags> in each value, no empty value, and no
 * English left in another language (a value the same as English passes only
 * when every word in it is a name or an acronym: "Dossier", "PDF", "Status").
 * Keys used in code are checked by the compiler (shared/i18n/i18next.d.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../../shared/enums';
import { NAMESPACES, resources, createTranslator, pickLanguage } from '../../../shared/i18n';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const locales = path.join(root, 'shared/i18n/locales');

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

const marks = (value: string) =>
  [...value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<\/?(\w+)\s*\/?>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();

/** Every word is a name or an acronym (starts with a capital or a digit), or there are no words at all. */
const onlyNames = (value: string) =>
  value
    .replace(/\{\{[^}]*\}\}|<[^>]*>/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((word) => /^[\p{Lu}\p{N}]/u.test(word));

describe('the interface catalogues', () => {
  it('has a folder per interface language, each with every namespace the resources bundle', () => {
    expect(readdirSync(locales).sort()).toEqual([...UI_LANGUAGES].sort());
    for (const language of UI_LANGUAGES) {
      const files = readdirSync(path.join(locales, language)).map((f) => f.replace(/\.json$/, ''));
      expect(files.sort(), language).toEqual([...NAMESPACES].sort());
      expect(Object.keys(resources[language]).sort(), language).toEqual([...NAMESPACES].sort());
    }
  });

  for (const language of UI_LANGUAGES.filter((l) => l !== 'en')) {
    for (const ns of NAMESPACES) {
      it(`${language}/${ns}: the same keys, placeholders and tags as English, nothing left in English`, () => {
        const read = (l: string) => flatten(JSON.parse(readFileSync(path.join(locales, l, `${ns}.json`), 'utf8')));
        const en = read('en');
        const other = read(language);
        expect([...other.keys()].sort(), 'keys').toEqual([...en.keys()].sort());
        const problems: string[] = [];
        for (const [key, value] of other) {
          const english = en.get(key) ?? '';
          if (!value.trim()) problems.push(`${key}: empty`);
          if (marks(value).join() !== marks(english).join()) problems.push(`${key}: placeholders or tags differ`);
          if (value === english && !onlyNames(value)) problems.push(`${key}: still English ("${value}")`);
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it('English has no empty value', () => {
    for (const ns of NAMESPACES) {
      const en = flatten(JSON.parse(readFileSync(path.join(locales, 'en', `${ns}.json`), 'utf8')));
      expect([...en].filter(([, v]) => !v.trim()).map(([k]) => `${ns}:${k}`)).toEqual([]);
    }
  });

  it('translates with plurals by language, and picks the first spoken language the system prefers', () => {
    expect(createTranslator('sv').t('common:sourceCount', { count: 1 })).toBe('1 källa');
    expect(createTranslator('sv').t('common:sourceCount', { count: 3 })).toBe('3 källor');
    expect(createTranslator('en').t('common:sourceCount', { count: 3 })).toBe('3 sources');
    expect(pickLanguage(['de-DE', 'sv-SE', 'en'])).toBe('sv');
    expect(pickLanguage(['fr'])).toBe('en');
    expect(pickLanguage(['sv_SE.UTF-8'])).toBe('sv');
  });
});
