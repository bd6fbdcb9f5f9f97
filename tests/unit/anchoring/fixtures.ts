/**
 * Fictional articles written for these tests (no real news). They use the
 * typography real sources have: typographic quotes, non-breaking spaces,
 * en dashes, ellipses, and a few leftover boilerplate lines.
 */
import { normalizeText } from '../../../shared/text';

/** English, with NBSP before units and inside a name, curly quotes and dashes. */
export const EN_ARTICLE = normalizeText(`Harbour Council approves new ferry link
By Nadia Okafor · Published on 12 March 2026

The Harbour Council of Port Elmsworth voted 7–2 on Tuesday to fund a ferry link between the old docks and the island of Marrow Key, ending a debate that has run for almost a decade.

“This is the day the island stops being an afterthought,” said councillor Ruth\u00a0Abernathy, who has campaigned for the link since 2017. “We promised a ferry, and we’re delivering a ferry.”

The link will cost 14\u00a0million pounds, according to the council’s own estimate. Critics say the figure is optimistic… and that the true cost could be twice as high.

“The council has not shown its workings,” said Tom Castellane of the Elmsworth Ratepayers’ Association. “We have seen this film before – the tunnel, the tram, the marina.”

The Harbour Council said the first crossing is planned for the spring of 2028. The Harbour Council said the timetable would be published in June.

Related stories
Marrow Key residents split over bridge plan
Advertisement

© 2026 Elmsworth Evening Gazette. All rights reserved.`);

/** Swedish, with typographic quotes (”…”, Swedish style) and a dash-led quotation. */
export const SV_ARTICLE = normalizeText(`Kommunen bygger om stationsområdet
Publicerad på måndagen

Kommunstyrelsen i Västerlida beslutade på måndagen att bygga om stationsområdet för 230\u00a0miljoner kronor.

– Det här är den största investeringen i stadens historia, säger kommunstyrelsens ordförande Karin Sjöberg (S).

Oppositionen är kritisk. ”Vi har inte fått se några kalkyler”, säger Erik Lundgren (M). ”Det är inte seriöst.”

Byggstarten är planerad till hösten 2027. Det här är den största investeringen i stadens historia, skriver kommunen i ett pressmeddelande.

Läs också: Pendlarna rasar mot nya tidtabellen`);

/** German, with „…“ quotes, guillemets in a French quotation and an ellipsis. */
export const DE_ARTICLE = normalizeText(`Stadtrat streitet über Radwege

Der Stadtrat von Kleinhafen hat am Mittwoch über ein neues Radwegenetz beraten. „Wir brauchen sichere Wege für alle“, sagte Bürgermeisterin Anke Vogel.

Die französische Partnerstadt lobte den Plan: « C’est un exemple pour toute la région », schrieb der Bürgermeister von Saint-Aubin.

Kritiker sprechen von Symbolpolitik … und verlangen eine Bürgerbefragung. Die Entscheidung fällt im Herbst.`);
