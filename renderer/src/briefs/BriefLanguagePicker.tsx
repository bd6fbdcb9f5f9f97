/**
 * The brief's language: the language its headings, dates and citation terms
 * are exported in, whatever the interface speaks (docs/data-model.md, "Brief").
 * The choice is saved on the brief (an undoable change) and used by every
 * export of it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGE_NAME, UI_LANGUAGES, UiLanguage } from '../../../shared/enums';
import { briefLanguage } from '../../../shared/brief-words';
import { call } from '../api';
import { useNotices } from '../ui/notices';

export function BriefLanguagePicker({
  briefId,
  value,
  readOnly,
}: {
  briefId: string;
  value: string | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation('brief');
  const { error } = useNotices();
  // The choice shows at once; the brief's own value takes over when it arrives (after a save, undo or redo).
  const [pending, setPending] = useState<UiLanguage | undefined>(undefined);
  useEffect(() => setPending(undefined), [value]);
  const current = pending ?? briefLanguage(value);

  const choose = async (language: UiLanguage) => {
    setPending(language);
    try {
      await call('updateBrief', { id: briefId, language });
    } catch (err) {
      setPending(undefined);
      error(err);
    }
  };

  return (
    <label className="brief-style" title={t('language.hint')}>
      <span className="brief-export-label">{t('language.label')}</span>
      <select
        value={current}
        disabled={readOnly}
        data-testid="brief-language"
        onChange={(e) => {
          const parsed = UiLanguage.safeParse(e.target.value);
          if (parsed.success) void choose(parsed.data);
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {UI_LANGUAGE_NAME[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
