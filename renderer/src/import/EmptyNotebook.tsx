import { IMPORT_FORMAT_INFO, IMPORT_FORMATS } from '../../../shared/enums';

interface Props {
  onImport(): void;
  readOnly: boolean;
}

/** The first thing a person sees in a new notebook: how to get articles in. */
export function EmptyNotebook({ onImport, readOnly }: Props) {
  const paste = navigator.platform.toLowerCase().includes('mac') ? '⌘V' : 'Ctrl+V';
  return (
    <div className="empty-state empty-notebook">
      <h1>Your notebook has no sources yet</h1>
      <p>
        Bring in the articles you are researching. Dossier keeps a clean, readable copy of each one, so you can mark
        claims and cite them later.
      </p>
      <ul className="ways-in">
        <li>
          <strong>Import files</strong> —{' '}
          {IMPORT_FORMATS.map((f) => `${IMPORT_FORMAT_INFO[f].label} (.${IMPORT_FORMAT_INFO[f].extensions[0]})`).join(
            ', ',
          )}
          .
        </li>
        <li>
          <strong>Drag and drop</strong> files anywhere onto this window.
        </li>
        <li>
          <strong>Paste</strong> an article you copied from a web page or document with <kbd>{paste}</kbd>.
        </li>
      </ul>
      <button type="button" className="button button-primary" onClick={onImport} disabled={readOnly}>
        Import files…
      </button>
      {readOnly && <p className="muted">This notebook is read-only, so nothing can be imported into it.</p>}
    </div>
  );
}
