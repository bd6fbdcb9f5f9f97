/**
 * The open source as it prints (File › Print…, Ctrl+P): title, outlet,
 * author and date, the text with every anchored claim, highlight and note
 * marked and numbered, and after it the list of them with status, tags and
 * note. Hidden on screen; print.css shows it, and nothing else of the
 * window, on paper. Unlike the reader (which paints CSS highlights), the
 * marks are real elements: they print with an outline and a number even
 * where the printer drops background colours.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { plainText } from '../../../shared/brief-doc';
import type { Source } from '../../../shared/model';
import { useAnnotations } from '../annotations/AnnotationsContext';
import { readerParagraphs } from '../reader/paragraphs';
import { formatDate } from '../sources/format';
import { printPieces, type PrintSpan } from './marks';
import '../styles/print.css';
import { useStatusLabel } from '../ui/status-label';

export function PrintSource({ source }: { source: Source }) {
  const statusLabel = useStatusLabel();
  const { t, i18n } = useTranslation('print');
  const { anchored, tags } = useAnnotations();
  const paragraphs = useMemo(() => readerParagraphs(source.text), [source.text]);
  const spans = useMemo<PrintSpan[]>(
    () => anchored.map((a, i) => ({ n: i + 1, start: a.start, end: a.end })),
    [anchored],
  );
  const tagName = useMemo(() => new Map(tags.map((tag) => [tag.id, tag.name])), [tags]);
  const byline = [source.outlet, source.author, formatDate(source.publishedAt)].filter(Boolean).join(' · ');
  const lang = source.language === 'und' ? undefined : source.language;
  const printed = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date());

  return (
    <article className="print-sheet print-source" data-testid="print-source">
      <header className="print-head">
        {byline && <p className="print-byline">{byline}</p>}
        <h1 lang={lang}>{source.title}</h1>
        {source.url && <p className="print-url">{source.url}</p>}
      </header>
      <div className="print-text" lang={lang}>
        {paragraphs.map((p) => (
          <p key={p.start}>
            {printPieces(p.text, p.start, spans).map((piece, i) => {
              const notes = piece.ending.map((n) => (
                <sup key={n} className="print-ref">
                  {`[${n}]`}
                </sup>
              ));
              return piece.covered.length ? (
                <span key={i}>
                  <mark data-annotations={piece.covered.join(' ')}>{piece.text}</mark>
                  {notes}
                </span>
              ) : (
                <span key={i}>
                  {piece.text}
                  {notes}
                </span>
              );
            })}
          </p>
        ))}
      </div>
      {anchored.length > 0 && (
        <section className="print-notes">
          <h2>{t('annotations')}</h2>
          <ol>
            {anchored.map(({ annotation: a, start, end }) => {
              const note = a.note ? plainText(a.note).trim() : '';
              const tagNames = a.tagIds.flatMap((id) => tagName.get(id) ?? []);
              return (
                <li key={a.id}>
                  <p className="print-quote">
                    <strong>{t(`kinds.${a.kind}`)}</strong> <q lang={lang}>{source.text.slice(start, end)}</q>
                  </p>
                  <p className="print-meta">
                    {a.kind === 'claim' && <span>{t('statusIs', { status: statusLabel(a.status) })}</span>}
                    {tagNames.length > 0 && <span>{t('tagsAre', { tags: tagNames.join(', ') })}</span>}
                  </p>
                  {note && <p className="print-note">{note}</p>}
                </li>
              );
            })}
          </ol>
        </section>
      )}
      <footer className="print-foot">{t('printed', { date: printed })}</footer>
    </article>
  );
}
