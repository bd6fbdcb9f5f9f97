import { useMemo, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/model';
import { formatDate } from '../sources/format';
import { readerParagraphs } from './paragraphs';
import { MentionLayer } from '../actors/MentionLayer';

interface Props {
  source: Source;
  /** The element holding the paragraphs: for highlight painting and selection → offsets. */
  textRef?: Ref<HTMLDivElement>;
  /** Controls shown in the reader header (e.g. the highlight colour switch). */
  headerExtra?: ReactNode;
  /** More attributes of the text element (caret browsing makes it a Tab stop with its own keys). */
  textProps?: HTMLAttributes<HTMLDivElement>;
}

/**
 * The clean text of one source, per the reader convention (./paragraphs.ts).
 * Paragraph elements hold exactly one text node so that highlights
 * (CSS Custom Highlight API) and selections map straight to text offsets.
 */
export function Reader({ source, textRef, headerExtra, textProps }: Props) {
  const { t } = useTranslation(['reader', 'common', 'enums']);
  const paragraphs = useMemo(() => readerParagraphs(source.text), [source.text]);
  const firstIsTitle = paragraphs[0]?.text.trim() === source.title.trim();
  const lang = source.language === 'und' ? undefined : source.language;
  const byline = [source.outlet, source.author, formatDate(source.publishedAt)].filter(Boolean).join(' · ');

  return (
    <article className="reader" lang={lang} aria-label={source.title}>
      <header className="reader-header">
        {headerExtra}
        {byline && <p className="reader-byline">{byline}</p>}
        {!firstIsTitle && <h1 className="reader-title">{source.title || t('common:untitled')}</h1>}
      </header>
      <div className="reader-text" data-source-id={source.id} ref={textRef} {...textProps}>
        {paragraphs.map((p, i) => (
          <p
            key={p.start}
            className={i === 0 && firstIsTitle ? 'para para-title' : 'para'}
            data-start={p.start}
            role={i === 0 && firstIsTitle ? 'heading' : undefined}
            aria-level={i === 0 && firstIsTitle ? 1 : undefined}
          >
            {p.text}
          </p>
        ))}
      </div>
      {paragraphs.length === 0 && <p className="muted">{t('noText')}</p>}
      <MentionLayer source={source} />
    </article>
  );
}
