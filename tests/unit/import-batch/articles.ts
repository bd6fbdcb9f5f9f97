/**
 * Fictional articles for the import-batch tests, written for these tests:
 * the same English article as published by its outlet and by a syndicating
 * site (other navigation, other "related" list, other footer), a different
 * English article, a Swedish one and a German one.
 */

const LIGHTHOUSE_BODY = [
  'Keepers return to Skarrow lighthouse after forty years of automation',
  'By Miriam Holt',
  'Published on 14 March 2025',
  'For the first time since 1985, people will live at the Skarrow Point lighthouse again. The coastal trust that owns the tower said on Thursday that two volunteer keepers will move into the restored cottage in May and stay through the autumn storms.',
  'The trust’s director, Owen Pardoe, said the decision was not about nostalgia. “The automatic lamp works well, but the building does not look after itself. Salt gets into everything, and a crack that nobody sees in November becomes a flooded stairwell by February,” he said.',
  'The keepers will record weather observations four times a day, guide visitors up the 112 steps of the tower and report on the state of the cliff path, which lost a section to a landslip two winters ago. The trust has raised £340,000 for repairs, about two thirds of what its surveyors say is needed.',
  'Local fishermen welcomed the plan. Gwen Tallis, who has worked boats out of the nearby harbour for thirty years, said a lit window at the point would mean more to crews than any buoy. “You know somebody is up there watching. That changes how you feel coming home in the dark,” she said.',
  'Not everyone is convinced. A spokesperson for the regional maritime authority said the lamp would remain under remote control and that the keepers would have no navigational role. The authority also warned that the access road is closed to vehicles for most of the winter.',
  'Applications for the keeper posts closed last week. The trust received more than 900, from as far away as Chile and New Zealand, and expects to announce its choice in April after interviews on the island.',
];

/** The outlet's own page, copied as text: nav bar, newsletter prompt, photo credit, related list, copyright. */
export const LIGHTHOUSE_ORIGINAL = [
  'Home | News | Coast | Weather | Sport | Culture | Subscribe',
  LIGHTHOUSE_BODY[0],
  LIGHTHOUSE_BODY[1],
  LIGHTHOUSE_BODY[2],
  'The lighthouse at Skarrow Point in February. Photo: Dan Reeve / Coastline Images',
  ...LIGHTHOUSE_BODY.slice(3),
  'Want the Coast Herald to notify you of breaking news? Turn on notifications.',
  'Related',
  'Ferry timetable cut again for winter',
  'Everything you need to know about the cliff path closures',
  '© 2025 The Coast Herald. All rights reserved.',
].join('\n\n');

/** The same article on a syndicating site: other boilerplate, same text. */
export const LIGHTHOUSE_SYNDICATED = [
  'Menu Search Log in Regions Business Opinion Video',
  LIGHTHOUSE_BODY[0],
  LIGHTHOUSE_BODY[1],
  LIGHTHOUSE_BODY[2],
  'Sign up for our morning briefing, delivered to your inbox every weekday.',
  ...LIGHTHOUSE_BODY.slice(3),
  'This article first appeared in the Coast Herald and is republished with permission.',
  'More from Regions',
  'Council votes to keep village post office open',
  'Storm warning issued for the northern isles',
  'Back to list',
  'Copyright 2025 Northern Wire Syndicate',
].join('\n\n');

/** A different English article on a related subject. */
export const FERRY_ARTICLE = [
  'Island ferry operator cuts winter sailings to three a week',
  'By Tom Achebe',
  'The company that runs the only car ferry to Holm Island will sail three times a week instead of daily from November to March, it said on Monday, blaming fuel costs and a shortage of qualified crew.',
  'Islanders reacted with anger. The community council chair, Beth Morrow, said the cut would leave patients waiting days for hospital appointments on the mainland and make it impossible for the island school to keep its visiting teachers.',
  'The operator said it had looked at every alternative. “We lost two engineers to the offshore wind sector this year and we cannot sail without them,” its managing director, Paul Grieve, told a meeting in the harbour hall.',
  'The regional transport board will discuss an emergency subsidy at its next meeting, but members have warned that its budget for the year is already spent.',
].join('\n\n');

/** A Swedish article. */
export const SWEDISH_ARTICLE = [
  'Bibliotek i Norrvik får behålla sina öppettider',
  'Av Karin Lövgren',
  'Publicerad 3 feb 2025',
  'Kommunstyrelsen i Norrvik backade på tisdagen från förslaget att stänga stadsbiblioteket två dagar i veckan. Beslutet kom efter att över 4 000 invånare skrivit under ett upprop.',
  '– Vi har lyssnat på medborgarna, och biblioteket är en av de få platser där alla får vara utan att betala, sade kommunstyrelsens ordförande Lars Engdahl.',
  'Besparingen på 1,2 miljoner kronor ska i stället tas från kommunens konsultbudget. Oppositionen kallade det en tillfällig lösning och vill se en långsiktig plan för kulturen i kommunen.',
].join('\n\n');

/** A German article. */
export const GERMAN_ARTICLE = [
  'Stadtrat von Elmshagen stimmt für neue Radbrücke',
  'Von Jana Reuter',
  'Nach monatelangem Streit hat der Stadtrat von Elmshagen am Mittwochabend den Bau einer Fuß- und Radbrücke über die Lenne beschlossen. Die Brücke soll im Sommer 2027 fertig sein und rund 4,8 Millionen Euro kosten.',
  'Oberbürgermeisterin Petra Lindner sprach von einem guten Tag für die Stadt. Die Gegner des Projekts kritisierten dagegen, dass die Kosten seit der ersten Planung um fast ein Drittel gestiegen seien.',
  'Der Bund übernimmt nach Angaben der Verwaltung etwa die Hälfte der Kosten. Die Bauarbeiten sollen im Frühjahr beginnen.',
].join('\n\n');

export const utf8 = (s: string) => new TextEncoder().encode(s);
