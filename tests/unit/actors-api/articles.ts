/**
 * Fictional articles (English, Swedish, German) about one invented event — an
 * Arctic shipping-lane dispute — with realistic web boilerplate around them.
 * Written for these tests; no real reporting.
 */
export interface TestArticle {
  name: string;
  text: string;
}

export const EN: TestArticle = {
  name: 'northern-ledger-arctic.txt',
  text: `Arctic Lane Talks Stall In Tromsø

By Priya Castellano, Polar Affairs Reporter
Published 2 April 2027

Talks on a new Arctic shipping lane broke up without agreement on Tuesday after China demanded access for its ice-class freighters and Russia refused to guarantee escorts.

French President Emmanuel Macron said the lane "must stay open to every flag", and the Elysée announced that France would send observers to the next round.

In Washington, the White House said the United States "will not accept a closed sea". A State Department official added that the United Nations should host a technical committee.

Fishing groups in Norway warned that the traffic could empty the cod grounds within a decade.

Related stories
Share this article
Copyright 2027 The Northern Ledger. All rights reserved.`,
};

export const SV: TestArticle = {
  name: 'dagbladet-arktis.txt',
  text: `Arktiska farleden: samtalen i Tromsø bröt samman

Publicerad 2 april 2027 kl. 18.05

Förhandlingarna om en ny farled genom Arktis avbröts på tisdagen sedan Kina krävt tillträde för sina isgående fartyg.

Ryssland vägrar garantera eskort och Kreml kallar kraven orimliga. Kinas förhandlare lämnade mötet tidigt.

USA:s delegation vill att FN tar över det tekniska arbetet. Enligt Vita huset är USA berett att betala en tredjedel av kostnaden.

Frankrikes president Emmanuel Macron säger att farleden ska vara öppen för alla.

Läs mer: Så smälter isen i Barents hav
Dela artikeln`,
};

export const DE: TestArticle = {
  name: 'rundschau-arktis.txt',
  text: `Arktis-Gespräche in Tromsø gescheitert

Veröffentlicht am 3. April 2027

Die Verhandlungen über eine neue Schifffahrtsroute durch die Arktis sind am Dienstag ohne Ergebnis zu Ende gegangen. China verlangte Zugang für seine Frachter, Russland lehnte Geleitschutz ab.

Frankreichs Präsident Emmanuel Macron forderte eine offene Route für alle Flaggen. Die Vereinigten Staaten wollen die Vereinten Nationen einschalten.

Artikel teilen
Mehr zum Thema`,
};

export const ARTICLES = [EN, SV, DE];
