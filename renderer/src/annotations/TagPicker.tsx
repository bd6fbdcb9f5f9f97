/**
 * The tags of one annotation: chips with a remove button and a type-ahead
 * over the codebook. Enter applies the highlighted row, which starts on the
 * exact name, else a name starting with the typed text, else "Create tag"
 * (`tagPickerOptions`); the Enter hint sits on that row. Backspace in an
 * empty field removes the last tag. "Manage tags…" opens the codebook.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/model';
import { tagPickerOptions, tagTree, type TagOption } from './logic';
import { safeColour } from './highlight-css';

interface Props {
  tags: Tag[];
  value: string[];
  onChange(tagIds: string[]): void;
  onCreate(name: string): Promise<Tag | null>;
  onManage(): void;
  readOnly?: boolean;
  focusSignal?: number;
}

const MAX_SUGGESTIONS = 8;

export function TagPicker({ tags, value, onChange, onCreate, onManage, readOnly = false, focusSignal }: Props) {
  const { t } = useTranslation('annotations');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const tree = useMemo(() => tagTree(tags), [tags]);
  const byId = useMemo(() => new Map(tree.map((e) => [e.tag.id, e])), [tree]);
  const applied = useMemo(() => new Set(value), [value]);
  const { options, exactApplied } = useMemo(
    () => tagPickerOptions(tree, query, applied, MAX_SUGGESTIONS),
    [tree, query, applied],
  );

  useEffect(() => {
    if (focusSignal) inputRef.current?.focus();
  }, [focusSignal]);
  useEffect(() => setActive(0), [query]);

  // Once a tag is applied the list closes (typing or ↓ opens it again): a leftover row must not invite a second Enter.
  const add = (id: string) => {
    if (!applied.has(id)) onChange([...value, id]);
    setQuery('');
    setOpen(false);
  };
  const create = async (name: string) => {
    setQuery('');
    setOpen(false);
    const tag = await onCreate(name);
    if (tag) onChange([...value, tag.id]);
  };
  const choose = (option: TagOption) => (option.kind === 'tag' ? add(option.entry.tag.id) : create(option.name));
  /** Enter: the highlighted row (the first, unless the person moved). */
  const commit = async () => {
    if (!query.trim()) return;
    if (exactApplied) return setQuery('');
    const pick = options[active];
    if (pick) await choose(pick);
  };
  const optionCount = options.length;
  const listed = open && optionCount > 0;

  return (
    <div className="tag-picker">
      <ul className="tag-chips" aria-label={t('editor.tags')}>
        {value.map((id) => {
          const entry = byId.get(id);
          const name = entry?.tag.name ?? t('row.unknownTag');
          return (
            <li key={id} className="tag-chip" title={entry?.path}>
              <span
                className="tag-swatch"
                style={{ background: safeColour(entry?.tag.color, '#888') }}
                aria-hidden="true"
              />
              {name}
              {!readOnly && (
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={t('tags.remove', { name })}
                  onClick={() => onChange(value.filter((v) => v !== id))}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!readOnly && (
        <div className="tag-input-wrap">
          <input
            ref={inputRef}
            className="tag-input"
            type="text"
            role="combobox"
            aria-label={t('tags.add')}
            aria-expanded={listed}
            aria-controls={listId}
            aria-autocomplete="list"
            placeholder={t('tags.addPlaceholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setOpen(true);
                setActive((a) => Math.min(a + 1, Math.max(0, optionCount - 1)));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((a) => Math.max(0, a - 1));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                void commit();
              } else if (e.key === 'Escape') {
                if (query) {
                  e.preventDefault();
                  setQuery('');
                } else setOpen(false);
              } else if (e.key === 'Backspace' && query === '' && value.length > 0) {
                onChange(value.slice(0, -1));
              }
            }}
          />
          {listed && (
            <ul className="tag-suggestions" role="listbox" id={listId} aria-label={t('tags.matching')}>
              {options.map((option, i) => (
                <li
                  key={option.kind === 'tag' ? option.entry.tag.id : 'create'}
                  role="option"
                  aria-selected={i === active}
                  className={[option.kind === 'create' ? 'tag-create' : '', i === active ? 'is-active' : '']
                    .filter(Boolean)
                    .join(' ')}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    void choose(option);
                  }}
                >
                  {option.kind === 'tag' ? (
                    <>
                      <span
                        className="tag-swatch"
                        style={{ background: safeColour(option.entry.tag.color, '#888') }}
                        aria-hidden="true"
                      />
                      {option.entry.path}
                    </>
                  ) : (
                    <>{t('tags.create', { name: option.name })}</>
                  )}
                  {i === active && query.trim() !== '' && (
                    <Trans t={t} i18nKey="tags.enterHint" components={{ kbd: <kbd aria-hidden="true" /> }} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="button" className="link-button manage-tags" onClick={onManage}>
        {t('tags.manage')}
      </button>
    </div>
  );
}
