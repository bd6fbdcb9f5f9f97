/**
 * A notebook of fictional newspaper sources for the reference and
 * ClaimReview exporters: Swedish, French, German and English titles and
 * outlets, authors with particles, an inverted name, two authors joined by
 * "et", an agency byline, and sources without a date, an author or an outlet.
 */
import path from 'node:path';
import type { SourceMetaPatch } from '../../../shared/api/sources';
import type { SourceMeta } from '../../../shared/model';
import { createServiceContext, type ServiceContext } from '../../../main/services/service-context';
import { openNotebookSession, type NotebookSession } from '../../../main/services/session';

export interface FixtureSource {
  text: string;
  meta: SourceMetaPatch;
  /** Surnames (or the literal name) the bibliography must show. */
  names: string[];
}

export const SOURCES: FixtureSource[] = [
  {
    text: 'Regeringen vill bygga ut vindkraften i Norrland. Ministern säger att det inte finns något val.',
    meta: {
      title: 'Regeringen: vindkraften måste byggas ut före 2030 – Örebro säger nej',
      outlet: 'Dagens Nyheter',
      author: 'Åsa Öberg',
      publishedAt: '2024-03-05',
      language: 'sv',
      url: 'https://www.dn.se/sverige/vindkraft?utm=1&ref=2',
    },
    names: ['Öberg'],
  },
  {
    text: 'Le gouvernement annonce une baisse des émissions. La ministre parle d’un tournant.',
    meta: {
      title: 'Le gouvernement annonce une réduction de 50 % des émissions d’ici 2030',
      outlet: 'Le Monde',
      author: 'Marie-Hélène Dupont et Charles de Gaulle',
      publishedAt: '2023-11-20',
      language: 'fr',
      url: 'https://www.lemonde.fr/planete/article/2023/11/20/emissions.html',
    },
    names: ['Dupont', 'Gaulle'],
  },
  {
    text: 'Die Länder fordern Milliarden für Straßen und Brücken. Die Kommission prüft.',
    meta: {
      title: 'Straßenbau & Brückensanierung: Länder fordern #Milliarden',
      outlet: 'Süddeutsche Zeitung',
      author: 'Ursula von der Leyen',
      language: 'de',
    },
    names: ['Leyen'],
  },
  {
    text: 'The harbour accord was signed on Monday. Ports will cut fees by half.',
    meta: { title: 'Harbour accord {draft} signed: fees cut ~half', outlet: 'The Guardian', language: 'en' },
    names: [],
  },
  {
    text: 'Myndigheten meddelar nya regler för hamnarna från och med januari.',
    meta: { title: 'Nya regler för hamnar', author: 'TT', publishedAt: '2025-01-02', language: 'sv' },
    names: ['TT'],
  },
  {
    text: 'De minister zegt dat de dijken op tijd klaar zijn.',
    meta: {
      title: 'Dijken op tijd klaar, zegt minister',
      outlet: 'NRC Handelsblad',
      author: 'van der Berg, Jan',
      publishedAt: '2022-06-30',
      language: 'nl',
    },
    names: ['Berg'],
  },
];

export interface FixtureNotebook {
  session: NotebookSession;
  ctx: ServiceContext;
  sources: SourceMeta[];
}

/** Imports SOURCES as text into a new notebook in `dir` and sets each one's metadata. */
export async function fixtureNotebook(dir: string): Promise<FixtureNotebook> {
  const session = await openNotebookSession(path.join(dir, 'Refs.dossier'));
  const sources: SourceMeta[] = [];
  for (const [i, s] of SOURCES.entries()) {
    const imported = await session.service.importText({ text: s.text, name: `source-${i}.txt` });
    const id = imported.added[0]!.id;
    const cleared: SourceMetaPatch = { author: null, outlet: null, url: null, publishedAt: null };
    sources.push(await session.service.updateSourceMeta({ id, patch: { ...cleared, ...s.meta } }));
  }
  return { session, ctx: createServiceContext(session.store, () => {}), sources };
}
