/**
 * The brief editor's formatting toolbar: paragraph and heading levels, marks,
 * lists, block quote, link, table commands, and the Cite button (types `@`).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorState, type Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { inTable, insertTable, runTableCommand } from './table';

/** Typed by the Cite button: the `@` that opens the cite popup, after a space. */
const CITE_TRIGGER = ' @';

/** The table commands shown while the cursor is in a table, in toolbar order. */
const TABLE_TOOLS = ['addRow', 'addColumn', 'deleteRow', 'deleteColumn', 'deleteTable'] as const;

function ToolButton({
  label,
  active,
  disabled,
  onClick,
  children,
}: {
  label: string;
  active?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation('a11y');
  return (
    <button
      type="button"
      className={active ? 'tool is-active' : 'tool'}
      title={label}
      aria-label={
        typeof children === 'string' && /[\p{L}\p{N}]/u.test(children)
          ? t('labelInName', { shown: children, label })
          : label
      }
      aria-pressed={active ?? undefined}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function FormatBar({ editor }: { editor: Editor }) {
  const { t } = useTranslation('briefs');
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
      table: inTable(e),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const chain = () => editor.chain().focus();

  const applyLink = () => {
    const url = href.trim();
    if (!url) chain().extendMarkRange('link').unsetLink().run();
    else {
      chain()
        .extendMarkRange('link')
        .setLink({ href: /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}` })
        .command(({ tr, state }) => {
          // Continue after the link rather than typing over it.
          tr.setSelection(TextSelection.create(tr.doc, state.selection.to));
          return true;
        })
        .run();
    }
    setLinkOpen(false);
  };

  return (
    <div className="format-bar" role="toolbar" aria-label={t('format.label')}>
      <ToolButton label={t('format.paragraph')} onClick={() => chain().setParagraph().run()}>
        {t('format.paragraphShort')}
      </ToolButton>
      <ToolButton
        label={t('format.heading', { level: 1 })}
        active={s.h1}
        onClick={() => chain().toggleHeading({ level: 1 }).run()}
      >
        {t('format.headingShort', { level: 1 })}
      </ToolButton>
      <ToolButton
        label={t('format.heading', { level: 2 })}
        active={s.h2}
        onClick={() => chain().toggleHeading({ level: 2 }).run()}
      >
        {t('format.headingShort', { level: 2 })}
      </ToolButton>
      <ToolButton
        label={t('format.heading', { level: 3 })}
        active={s.h3}
        onClick={() => chain().toggleHeading({ level: 3 }).run()}
      >
        {t('format.headingShort', { level: 3 })}
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton label={t('format.bold')} active={s.bold} onClick={() => chain().toggleBold().run()}>
        <b>{t('format.boldShort')}</b>
      </ToolButton>
      <ToolButton label={t('format.italic')} active={s.italic} onClick={() => chain().toggleItalic().run()}>
        <i>{t('format.italicShort')}</i>
      </ToolButton>
      <ToolButton label={t('format.underline')} active={s.underline} onClick={() => chain().toggleUnderline().run()}>
        <u>{t('format.underlineShort')}</u>
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton label={t('format.bulleted')} active={s.bullet} onClick={() => chain().toggleBulletList().run()}>
        {t('format.bulletedShort')}
      </ToolButton>
      <ToolButton label={t('format.numbered')} active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>
        {t('format.numberedShort')}
      </ToolButton>
      <ToolButton label={t('format.quote')} active={s.quote} onClick={() => chain().toggleBlockquote().run()}>
        {t('format.quoteShort')}
      </ToolButton>
      <ToolButton
        label={t('format.link')}
        active={s.link}
        onClick={() => {
          setHref(s.href);
          setLinkOpen((o) => !o);
        }}
      >
        {t('format.link')}
      </ToolButton>
      <span className="tool-sep" />
      {s.table ? (
        TABLE_TOOLS.map((command) => (
          <ToolButton
            key={command}
            label={t(`format.table.${command}`)}
            onClick={() => runTableCommand(editor, command)}
          >
            {t(`format.table.${command}Short`)}
          </ToolButton>
        ))
      ) : (
        <ToolButton label={t('format.table.insert')} onClick={() => insertTable(editor)}>
          {t('format.table.insertShort')}
        </ToolButton>
      )}
      <span className="tool-sep" />
      <ToolButton label={t('format.cite')} onClick={() => chain().insertContent(CITE_TRIGGER).run()}>
        {t('format.citeShort')}
      </ToolButton>
      {linkOpen && (
        <form
          className="link-form"
          onSubmit={(e) => {
            e.preventDefault();
            applyLink();
          }}
        >
          <input
            aria-label={t('format.linkAddress')}
            placeholder={t('format.linkPlaceholder')}
            value={href}
            autoFocus
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setLinkOpen(false);
            }}
          />
          <button type="submit" className="button">
            {href.trim() ? t('format.apply') : t('format.removeLink')}
          </button>
        </form>
      )}
    </div>
  );
}
