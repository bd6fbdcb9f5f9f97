/**
 * The parts of citation-js (which ships no type declarations) that the
 * reference exporters use.
 */
declare module '@citation-js/core' {
  /** CSL-JSON items (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
  export class Cite {
    constructor(data: object[]);
    format(format: 'data', options?: { format?: 'text' | 'object' }): string;
    format(format: 'bibtex' | 'biblatex', options?: { format?: 'text' }): string;
  }
  export const plugins: {
    output: {
      format(
        name: 'ris',
        data: object[],
        options: { format: 'object'; spec?: 'new' | 'old' | 'mixed' },
      ): Record<string, string | string[]>[];
    };
    config: { get(name: '@bibtex'): { format: { useIdAsLabel: boolean; asciiOnly: boolean; checkLabel: boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
