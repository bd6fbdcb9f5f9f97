/**
 * The toolbar's Export menu in the browser UI: the notebook in an exchange
 * format (docs/interop.md), downloaded. The desktop app has File › Export
 * instead (main asks where to save).
 */
import { useState } from 'react';
import { INTEROP_FORMAT_INFO, INTEROP_FORMATS, type InteropFormat } from '../../../shared/enums';
import { exportedItems } from '../../../shared/interop-summary';
import { call, isDesktop } from '../api';
import { ContextMenu, type MenuAt } from '../ui/ContextMenu';
import { download } from '../ui/download';
import { useNotices } from '../ui/notices';

export function ExportButton({ disabled }: { disabled: boolean }) {
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const notices = useNotices();
  if (isDesktop()) return null;

  const exportAs = async (format: InteropFormat) => {
    try {
      const file = await call('exportInterop', { format });
      download(file.bytes, file.mime, file.fileName);
      notices.info(`Exported “${file.fileName}” (${exportedItems(file)}).`);
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
            label: 'Export the notebook',
            actions: INTEROP_FORMATS.map((format) => ({
              label: INTEROP_FORMAT_INFO[format].menuLabel,
              run: () => void exportAs(format),
            })),
          });
        }}
      >
        Export…
      </button>
      {menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} />}
    </>
  );
}
