/**
 * The brief editor's formatting toolbar: paragraph and heading levels, marks,
 * lists, block quote, link, table commands, and the Cite button (types `@`).
 */
import { useTranslation } from 'react-i18next';
import { useState, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { inTable, insertTable, runTableCommand } from './table';

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
    <div className="format-bar" role="toolbar" aria-label="Formatting">
      <ToolButton label="Paragraph" onClick={() => chain().setParagraph().run()}>
        ¶
      </ToolButton>
      <ToolButton label="Heading 1" active={s.h1} onClick={() => chain().toggleHeading({ level: 1 }).run()}>
        H1
      </ToolButton>
      <ToolButton label="Heading 2" active={s.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        H2
      </ToolButton>
      <ToolButton label="Heading 3" active={s.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        H3
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton label="Bold" active={s.bold} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </ToolButton>
      <ToolButton label="Italic" active={s.italic} onClick={() => chain().toggleItalic().run()}>
        <i>I</i>
      </ToolButton>
      <ToolButton label="Underline" active={s.underline} onClick={() => chain().toggleUnderline().run()}>
        <u>U</u>
      </ToolButton>
      <span className="tool-sep" />
      <ToolButton label="Bulleted list" active={s.bullet} onClick={() => chain().toggleBulletList().run()}>
        • List
      </ToolButton>
      <ToolButton label="Numbered list" active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>
        1. List
      </ToolButton>
      <ToolButton label="Block quote" active={s.quote} onClick={() => chain().toggleBlockquote().run()}>
        ❝
      </ToolButton>
      <ToolButton
        label="Link"
        active={s.link}
        onClick={() => {
          setHref(s.href);
          setLinkOpen((o) => !o);
        }}
      >
        Link
      </ToolButton>
      <span className="tool-sep" />
      {s.table ? (
        <>
          <ToolButton label="Add row" onClick={() => runTableCommand(editor, 'addRow')}>
            + Row
          </ToolButton>
          <ToolButton label="Add column" onClick={() => runTableCommand(editor, 'addColumn')}>
            + Col
          </ToolButton>
          <ToolButton label="Delete row" onClick={() => runTableCommand(editor, 'deleteRow')}>
            − Row
          </ToolButton>
          <ToolButton label="Delete column" onClick={() => runTableCommand(editor, 'deleteColumn')}>
            − Col
          </ToolButton>
          <ToolButton label="Delete table" onClick={() => runTableCommand(editor, 'deleteTable')}>
            × Table
          </ToolButton>
        </>
      ) : (
        <ToolButton label="Insert table" onClick={() => insertTable(editor)}>
          Table
        </ToolButton>
      )}
      <span className="tool-sep" />
      <ToolButton label="Cite a claim (or type @)" onClick={() => chain().insertContent(' @').run()}>
        @ Cite
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
            aria-label="Link address"
            placeholder="https://…"
            value={href}
            autoFocus
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setLinkOpen(false);
            }}
          />
          <button type="submit" className="button">
            {href.trim() ? 'Apply' : 'Remove link'}
          </button>
        </form>
      )}
    </div>
  );
}
