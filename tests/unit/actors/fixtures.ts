/** Loads the fictional test articles of tests/fixtures/actors (normalised as import would). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../../../shared/text';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/actors');

export interface FixtureSource {
  id: string;
  language: string;
  text: string;
}

export function fixture(file: string, language = file.slice(0, 2)): FixtureSource {
  return {
    id: file.replace(/\.txt$/, ''),
    language,
    text: normalizeText(readFileSync(path.join(FIXTURES, file), 'utf8')),
  };
}

export const summit = (): FixtureSource[] =>
  ['en-summit.txt', 'sv-summit.txt', 'de-summit.txt', 'fr-summit.txt'].map((f) => fixture(f));

export interface LabelledArticle {
  file: string;
  language: string;
  actors: string[];
}

export function labelled(): LabelledArticle[] {
  return (JSON.parse(readFileSync(path.join(FIXTURES, 'labelled.json'), 'utf8')) as { articles: LabelledArticle[] })
    .articles;
}
