/**
 * Briefs: drafting (from an actor, a tag or chosen claims) and export to
 * DOCX, PDF, Markdown and HTML. Plain Node, no Electron: the app, the CLI and
 * the tests share these functions.
 */
import { BRIEF_FORMATS, orList, type BriefFormat } from '../../../shared/enums';
import type { Brief } from '../../../shared/model';
import type { UiLanguage } from '../../../shared/enums';
import { briefLanguage } from '../../../shared/brief-words';
import type { BriefContext } from '../../../shared/brief-doc';
import { DossierError } from '../../../shared/errors';
import { resolveBrief } from './blocks';
import { BUILT_IN_STYLES, DEFAULT_STYLE } from './style-catalog';
import { renderHtml, renderMarkdown } from './export-text';

export {
  draftBriefFromActor,
  draftBriefFromAnnotations,
  draftBriefFromTag,
  compareClaims,
  type BriefDraft,
} from './draft';
export { resolveBrief, type ResolvedBrief } from './blocks';
export { briefContextFromFiles, briefContextFromStream, loadBriefContext, referencedAnnotationIds } from './context';

/** The formats, their extensions and MIME types are listed in shared/enums.ts. */
export { BRIEF_FORMATS, BRIEF_FORMAT_INFO, type BriefFormat } from '../../../shared/enums';

/** A CSL style's text and the name to use for it in messages. */
export interface StyleSource {
  xml: string;
  name: string;
}

/**
 * Renders a brief in one format. Citations resolve through `ctx`; a missing
 * one shows "[citation removed]". Notes and Sources are worded by `style`
 * (Chicago notes when absent); fixed words, dates and the style's terms are in
 * `language`, else the brief's own. `organisation`, when given, is named as the
 * file's author.
 */
export async function exportBrief(
  brief: Brief,
  ctx: BriefContext,
  format: BriefFormat,
  style: StyleSource = { xml: BUILT_IN_STYLES[DEFAULT_STYLE]!, name: DEFAULT_STYLE },
  language: UiLanguage = briefLanguage(brief.language),
  organisation = '',
): Promise<Uint8Array> {
  // citeproc loads with the first export, not with every process that opens a notebook.
  const { citationFormatter } = await import('./citation-style');
  const resolved = {
    ...resolveBrief(brief, ctx, (sources) => citationFormatter(style.xml, sources, style.name, language), language),
    ...(organisation ? { organisation } : {}),
  };
  switch (format) {
    case 'docx':
      // The Word and PDF writers (docx, pdfkit and its fonts) load only when a brief is exported to them.
      return (await import('./export-docx')).renderDocx(resolved);
    case 'pdf':
      return (await import('./export-pdf')).renderPdf(resolved);
    case 'md':
      return new TextEncoder().encode(renderMarkdown(resolved));
    case 'html':
      return new TextEncoder().encode(renderHtml(resolved));
    default:
      throw DossierError.of('invalid-input', 'briefs.unknownExportFormatUse', {
        format: String(format),
        BRIEF_FORMATS: orList(BRIEF_FORMATS),
      });
  }
}
