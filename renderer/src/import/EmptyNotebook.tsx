import { Trans, useTranslation } from 'react-i18next';
import { IMPORT_FORMAT_INFO, IMPORT_FORMATS } from '../../../shared/enums';

interface Props {
  onImport(): void;
  readOnly: boolean;
}

const RICH = { strong: <strong />, kbd: <kbd /> };

/** The first thing a person sees in a new notebook: how to get articles in. */
export function EmptyNotebook({ onImport, readOnly }: Props) {
  const { t } = useTranslation(['import', 'common', 'enums']);
  const paste = navigator.platform.toLowerCase().includes('mac') ? '⌘V' : 'Ctrl+V';
  const formats = IMPORT_FORMATS.map(
    (f) => `${t(`enums:importFormat.${f}`)} (.${IMPORT_FORMAT_INFO[f].extensions[0]})`,
  ).join(', ');
  return (
    <div className="empty-state empty-notebook">
      <h1>{t('empty.title')}</h1>
      <p>{t('empty.intro')}</p>
      <ul className="ways-in">
        <li>
          <Trans t={t} i18nKey="empty.files" values={{ formats }} components={RICH} />
        </li>
        <li>
          <Trans t={t} i18nKey="empty.drop" components={RICH} />
        </li>
        <li>
          <Trans t={t} i18nKey="empty.paste" values={{ shortcut: paste }} components={RICH} />
        </li>
      </ul>
      <button type="button" className="button button-primary" onClick={onImport} disabled={readOnly}>
        {t('empty.importButton')}
      </button>
      {readOnly && <p className="muted">{t('empty.readOnly')}</p>}
    </div>
  );
}
