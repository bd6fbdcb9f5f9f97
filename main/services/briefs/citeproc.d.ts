/** Type declarations for the parts of citeproc-js and citation-js Dossier uses (they ship none). */
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declared for `typeof Engine` below
  class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { class?: string; 'default-locale'?: string[] };
    setOutputFormat(format: string): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: Array<{ id: string; position?: number }>): string;
    makeBibliography(): false | [{ entry_ids: string[][] }, string[]];
  }
  const CSL: { Engine: typeof Engine; POSITION_FIRST: number; POSITION_SUBSEQUENT: number };
  export default CSL;
}

declare module '@citation-js/name' {
  export function parse(name: string): Record<string, string>;
  /** "Given family", or "family, given" when `reversed` (particles kept with the family name). */
  export function format(name: object, reversed?: boolean): string;
}

declare module '@citation-js/plugin-csl/lib/styles.json' {
  const styles: Record<string, string>;
  export default styles;
}

declare module '@citation-js/plugin-csl/lib/locales.json' {
  const locales: Record<string, string>;
  export default locales;
}
