/**
 * Every way into the notebook from the window: the file picker, files (and,
 * in the desktop app, folders) dropped on the window, and text pasted with
 * Ctrl/Cmd+V outside text fields. Reports progress from main's
 * `import-progress` events and hands the summary to `onImported`.
 */
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/api';
import { call, getApi, unwrap } from '../api';
import { useApiEvent } from '../api/useApiEvent';
import { useNotices } from '../ui/notices';

/** The file input's accept list: every extension import reads. */
export { IMPORT_ACCEPT } from '../../../shared/enums';

export interface ImportProgressState {
  done: number;
  total: number;
  current?: string;
}

type ImportIssue = ImportResult['rejected'][number];

interface DroppedFolder {
  name: string;
  file: File | null;
}

interface DroppedItems {
  files: File[];
  /** Dropped folders: the desktop app imports them (through grants); a browser cannot read them. */
  folders: DroppedFolder[];
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

function droppedItems(transfer: DataTransfer): DroppedItems {
  const files: File[] = [];
  const folders: DroppedFolder[] = [];
  const items = Array.from(transfer.items ?? []);
  if (items.length > 0) {
    for (const item of items) {
      if (item.kind !== 'file') continue;
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      const file = item.getAsFile();
      if (entry?.isDirectory) folders.push({ name: entry.name, file });
      else if (file) files.push(file);
    }
  } else {
    files.push(...Array.from(transfer.files));
  }
  return { files, folders };
}

export function useImport(onImported: (result: ImportResult) => void) {
  const { t } = useTranslation(['import', 'common', 'enums']);
  const { error: notifyError } = useNotices();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgressState | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;

  useApiEvent('import-progress', (event) => {
    setProgress(event.finished ? null : { done: event.done, total: event.total, current: event.current });
  });

  const run = useCallback(
    async (work: () => Promise<ImportResult>, extraRejected: ImportIssue[] = []) => {
      setBusy(true);
      try {
        const result = await work();
        onImportedRef.current({ ...result, rejected: [...extraRejected, ...result.rejected] });
      } catch (err) {
        notifyError(err, t('failed'));
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [notifyError, t],
  );

  const importFileList = useCallback(
    async (files: File[], folders: DroppedFolder[] = []) => {
      const folderIssues = folders.map(({ name }) => ({
        name,
        reason: t('folderInBrowser'),
      }));
      const { grantDroppedFiles, importGrants } = getApi();
      // Desktop app: main reads the files itself (folders too, and big files are not copied through the page);
      // the page only holds single-use grants for the files the person gave it, never their paths.
      const all = [...files, ...folders.map((f) => f.file)];
      if (grantDroppedFiles && importGrants && all.length > 0 && all.every((f): f is File => f !== null)) {
        let grants: Array<string | null>;
        try {
          grants = unwrap(await grantDroppedFiles(all)).grants;
        } catch (err) {
          notifyError(err, t('failed'));
          return;
        }
        if (grants.every((g): g is string => g !== null)) {
          await run(async () => unwrap(await importGrants({ grants })), []);
          return;
        }
      }
      if (files.length === 0) {
        if (folderIssues.length) onImportedRef.current({ added: [], skipped: [], rejected: folderIssues });
        return;
      }
      await run(async () => {
        const payload = await Promise.all(
          files.map(async (file) => ({
            name: file.name || 'untitled',
            bytes: new Uint8Array(await file.arrayBuffer()),
          })),
        );
        return call('importFiles', { files: payload });
      }, folderIssues);
    },
    [run, notifyError, t],
  );

  const importClipboard = useCallback(
    async (text: string, html?: string) => {
      if (!text.trim() && !html?.trim()) {
        notifyError(t('clipboardEmpty'));
        return;
      }
      await run(() => call('importText', html ? { text, html } : { text }));
    },
    [run, notifyError, t],
  );

  const openPicker = useCallback(() => inputRef.current?.click(), []);

  const onInputChange = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const files = Array.from(event.target.files ?? []);
      event.target.value = ''; // picking the same file again must fire change again
      if (files.length) void importFileList(files);
    },
    [importFileList],
  );

  useEffect(() => {
    let depth = 0;
    const onDragEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      // Always prevent the default: a dropped file must never replace the app with its contents.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      if (!e.dataTransfer) return;
      const { files, folders } = droppedItems(e.dataTransfer);
      if (files.length || folders.length) void importFileList(files, folders);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || !e.clipboardData) return;
      const files = Array.from(e.clipboardData.files);
      const text = e.clipboardData.getData('text/plain');
      const html = e.clipboardData.getData('text/html');
      e.preventDefault();
      if (files.length && !text.trim()) void importFileList(files);
      else void importClipboard(text, html || undefined);
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, [importFileList, importClipboard]);

  useApiEvent('menu', (event) => {
    if (event.command === 'import') openPicker();
  });

  return { busy, progress, dragging, inputRef, openPicker, onInputChange, importFileList, importClipboard };
}
