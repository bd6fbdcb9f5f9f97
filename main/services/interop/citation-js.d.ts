/**
 * The parts of citation-js (which ships no type declarations) that the
 * reference exporters use.
 */
declare module '@citation-js/core' {
  /** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
  export type CslData = Record<string, unknown> & { id: string; type: string };
  export class Cite {
    constructor(data: CslData[]);
    format(format: 'data', options?: { format?: 'text' | 'object' }): string;
    format(format: 'bibtex' | 'biblatex', options?: { format?: 'text' }): string;
  }
  export const plugins: {
    output: {
      format(
        name: 'ris',
        data: CslData[],
        options: { format: 'object'; spec?: 'new' | 'old' | 'mixed' },
      ): Record<string, string | string[]>[];
    };
    config: { get(name: '@bibtex'): { format: { useIdAsLabel: boolean; asciiOnly: boolean; checkLabel: boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/name' {
  export interface CslName {
    given?: string;
    family?: string;
    'non-dropping-particle'?: string;
    'dropping-particle'?: string;
    suffix?: string;
    literal?: string;
  }
  export function parse(name: string): CslName;
  /** "Given family", or "family, given" when `reversed`. */
  export function format(name: CslName, reversed?: boolean): string;
}
