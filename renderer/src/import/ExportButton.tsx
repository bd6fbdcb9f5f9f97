/**
 * The toolbar's Export menu in the browser UI: the notebook in an exchange
 * format (docs/interop.md), downloaded. The desktop app has File › Export
 * instead (main asks where to save).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTEROP_FORMAT_INFO, INTEROP_FORMATS, type InteropFormat } from '../../../shared/enums';
import { call, isDesktop } from '../api';
import { ContextMenu, type MenuAt } from '../ui/ContextMenu';
import { download } from '../ui/download';
import { useNotices } from '../ui/notices';
import { exportedItems } from '../../../shared/interop-summary';

export function ExportButton({ disabled }: { disabled: boolean }) {
  const { t, i18n } = useTranslation(['import', 'common', 'enums']);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const notices = useNotices();
  if (isDesktop()) return null;

  const exportAs = async (format: InteropFormat) => {
    try {
      const file = await call('exportInterop', { format });
      download(file.bytes, file.mime, file.fileName);
      notices.info(t('export.done', { file: file.fileName, items: exportedItems(i18n, file) }));
    } catch (err) {
      notices.error(err);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={menu !== null}
        disabled={disabled}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setMenu({
            x: box.left,
            y: box.bottom + 4,
            label: t('export.menu'),
            actions: INTEROP_FORMATS.map((format) => ({
              label: t('export.item', {
                format: t(`enums:interopFormat.${format}.menu`),
                extension: INTEROP_FORMAT_INFO[format].extension,
              }),
              run: () => void exportAs(format),
            })),
          });
        }}
      >
        {t('export.button')}
      </button>
      {menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} />}
    </>
  );
}
