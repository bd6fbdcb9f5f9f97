/**
 * The brief's citation style (docs/interop.md, "Briefs in any CSL style"):
 * the built-in styles and the notebook's own `.csl` files, and "Add style…"
 * to add one. The choice is saved on the brief (an undoable change) and used
 * by every export of it.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useApiQuery, useErrorNotice } from '../api/queries';
import { useNotices } from '../ui/notices';

const ADD = '\u0000add';

export function CitationStylePicker({
  briefId,
  value,
  readOnly,
}: {
  briefId: string;
  value: string | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation('briefs');
  const styles = useApiQuery('listCitationStyles', {});
  useErrorNotice(styles.error, t('style.loadFailed'));
  const { info, error } = useNotices();
  const [chosen, setChosen] = useState<string | undefined>(value);
  const fileRef = useRef<HTMLInputElement>(null);
  const current = chosen ?? value ?? styles.data?.[0]?.id ?? '';

  const choose = async (id: string) => {
    const before = current;
    setChosen(id);
    try {
      await call('updateBrief', { id: briefId, citationStyle: id });
    } catch (err) {
      setChosen(before);
      error(err);
    }
  };

  const addFile = async (file: File) => {
    try {
      const added = await call('addCitationStyle', { fileName: file.name, xml: await file.text() });
      await styles.refetch();
      info(t('style.added', { title: added.title }));
      await choose(added.id);
    } catch (err) {
      error(err);
    }
  };

  return (
    <label className="brief-style">
      <span className="brief-export-label">{t('style.label')}</span>
      <select
        value={current}
        disabled={readOnly || !styles.data}
        onChange={(e) => {
          if (e.target.value === ADD) fileRef.current?.click();
          else void choose(e.target.value);
        }}
      >
        {(styles.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
            {s.kind === 'in-text' ? ` ${t('style.inText')}` : ''}
          </option>
        ))}
        <option value={ADD}>{t('style.add')}</option>
      </select>
      <input
        ref={fileRef}
        type="file"
        accept=".csl"
        hidden
        data-testid="citation-style-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void addFile(file);
        }}
      />
    </label>
  );
}
