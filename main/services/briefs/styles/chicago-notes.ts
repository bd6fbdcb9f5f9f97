/**
 * Dossier's default citation style: notes and bibliography after the Chicago
 * Manual of Style, for the sources a notebook holds (news articles), written
 * for Dossier as a CSL 1.0 style. The first note of a source is the full form
 * (author, “title,” outlet, date, URL); a later note of the same source is the
 * short form (author or outlet, short title), as the Chicago notes system asks.
 * Any other CSL style can replace it (docs/interop.md, "Briefs in any CSL style").
 */
export const CHICAGO_NOTES_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" demote-non-dropping-particle="display-and-sort">
  <info>
    <title>Chicago notes and bibliography (news articles)</title>
    <id>https://dossier.example.org/styles/chicago-notes</id>
    <category citation-format="note"/>
    <updated>2026-11-29T00:00:00+00:00</updated>
  </info>
  <macro name="author-note">
    <names variable="author"><name and="text" delimiter-precedes-last="never"/></names>
  </macro>
  <macro name="author-short">
    <names variable="author"><name form="short" and="text" delimiter-precedes-last="never"/></names>
  </macro>
  <macro name="author-bib">
    <names variable="author">
      <name and="text" name-as-sort-order="first" sort-separator=", " delimiter-precedes-last="always"/>
    </names>
  </macro>
  <macro name="outlet">
    <text variable="container-title" font-style="italic"/>
  </macro>
  <macro name="issued">
    <date variable="issued" form="text"/>
  </macro>
  <citation et-al-min="4" et-al-use-first="1">
    <layout suffix="." delimiter="; ">
      <choose>
        <if position="subsequent">
          <group delimiter=", ">
            <choose>
              <if variable="author"><text macro="author-short"/></if>
              <else><text macro="outlet"/></else>
            </choose>
            <text variable="title" form="short" quotes="true"/>
          </group>
        </if>
        <else>
          <group delimiter=", ">
            <text macro="author-note"/>
            <text variable="title" quotes="true"/>
            <text macro="outlet"/>
            <text macro="issued"/>
            <text variable="URL"/>
          </group>
        </else>
      </choose>
    </layout>
  </citation>
  <bibliography hanging-indent="true" et-al-min="11" et-al-use-first="7">
    <sort>
      <key macro="author-bib"/>
      <key variable="container-title"/>
      <key variable="issued"/>
      <key variable="title"/>
    </sort>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author-bib"/>
        <text variable="title" quotes="true"/>
        <text macro="outlet"/>
        <text macro="issued"/>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
