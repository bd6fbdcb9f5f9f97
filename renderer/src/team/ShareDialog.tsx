/**
 * File › Share notebook… and File › Open shared notebook… in the desktop app
 * (docs/team.md): where the team keeps the notebook — a folder (main shows
 * its own folder dialog next; the page never names a path) or a git server's
 * https address with an optional token (main keeps it in the system's
 * keychain) — and, when the person's settings lack them, the name and e-mail
 * that sign their changes. Main does the sharing or the copying, then says
 * the folder's name or the address.
 *
 * A native modal <dialog>, as the Settings dialog: labelled by its heading,
 * Escape closes it, focus goes back to where it was.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { RemoteChoice } from '../../../shared/api';
import { getApi, unwrap } from '../api';
import { apiQueryKey } from '../api/queries';
import { useApiEvent } from '../api/useApiEvent';
import { useSettings } from '../settings/useSettings';
import { useNotices } from '../ui/notices';
import { ReturnFocus } from '../ui/ReturnFocus';
import '../styles/team.css';

type Mode = 'share' | 'open';

/** A web remote is reached over HTTPS only (a token never travels in the clear). */
const HTTPS_ONLY = 'https://.+';

/** Opens the dialog on the menu's commands (the desktop app's File menu sends them). */
export function ShareDialogs() {
  const [mode, setMode] = useState<Mode | null>(null);
  useApiEvent('menu', (e) => {
    if (e.command === 'share-notebook') setMode('share');
    else if (e.command === 'open-shared-notebook') setMode('open');
  });
  return mode ? <ShareDialog key={mode} mode={mode} onClose={() => setMode(null)} /> : null;
}

export function ShareDialog({ mode, onClose }: { mode: Mode; onClose(): void }) {
  const { t } = useTranslation('team');
  const { error, info } = useNotices();
  const { settings, update } = useSettings();
  const client = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [kind, setKind] = useState<RemoteChoice['kind']>('folder');
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const askAuthor = !settings.authorName || !settings.authorEmail;
  const sharing = mode === 'share';

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const api = getApi();
    if (!api.shareNotebookWithDialog || !api.openSharedNotebookWithDialog) return;
    setBusy(true);
    try {
      if (askAuthor)
        await update({ authorName: name || settings.authorName, authorEmail: email || settings.authorEmail });
      const remote: RemoteChoice =
        kind === 'folder'
          ? { kind }
          : { kind, url: url.trim(), ...(username.trim() ? { username } : {}), ...(token.trim() ? { token } : {}) };
      // Nothing happens when the person cancelled main's dialog: they may choose again.
      if (sharing) {
        const value = unwrap(await api.shareNotebookWithDialog({ remote }));
        if (!value.shared) return;
        info(t('share.shared', { remote: value.remote ?? '' }));
      } else {
        const value = unwrap(await api.openSharedNotebookWithDialog({ remote }));
        if (!value.opened) return;
        info(t('share.opened', { name: value.name ?? '' }));
      }
      void client.invalidateQueries({ queryKey: apiQueryKey('getTeamStatus', {}) });
      ref.current?.close();
    } catch (err) {
      error(err, sharing ? t('share.failed') : t('share.openFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="modal team-share"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      aria-busy={busy}
      onClose={onClose}
      onCancel={onClose}
    >
      <ReturnFocus />
      <form onSubmit={(e) => void submit(e)}>
        <h2 id={`${id}-title`}>{sharing ? t('share.title') : t('share.openTitle')}</h2>
        <p id={`${id}-intro`} className="team-share-intro">
          {sharing ? t('share.intro') : t('share.openIntro')}
        </p>
        <fieldset className="team-share-where">
          <legend>{t('share.where')}</legend>
          <label className="team-share-choice">
            <input type="radio" name={`${id}-kind`} checked={kind === 'folder'} onChange={() => setKind('folder')} />
            {t('share.folder')}
          </label>
          {kind === 'folder' && (
            <p className="team-share-hint">{sharing ? t('share.folderHint') : t('share.openFolderHint')}</p>
          )}
          <label className="team-share-choice">
            <input type="radio" name={`${id}-kind`} checked={kind === 'web'} onChange={() => setKind('web')} />
            {t('share.web')}
          </label>
          {kind === 'web' && (
            <div className="team-share-web">
              <TextField
                label={t('share.url')}
                hint={t('share.urlHint')}
                value={url}
                onChange={setUrl}
                required
                type="url"
                pattern={HTTPS_ONLY}
                autoComplete="url"
              />
              <TextField label={t('share.username')} value={username} onChange={setUsername} autoComplete="username" />
              <TextField
                label={t('share.token')}
                hint={t('share.tokenHint')}
                value={token}
                onChange={setToken}
                type="password"
                autoComplete="off"
              />
            </div>
          )}
        </fieldset>
        {askAuthor && (
          <fieldset className="team-share-author">
            <legend>{t('share.author')}</legend>
            <p className="team-share-hint team-share-note">{t('share.authorHint')}</p>
            <TextField
              label={t('share.authorName')}
              value={name || settings.authorName}
              onChange={setName}
              required
              autoComplete="name"
            />
            <TextField
              label={t('share.authorEmail')}
              value={email || settings.authorEmail}
              onChange={setEmail}
              required
              type="email"
              autoComplete="email"
            />
          </fieldset>
        )}
        <footer className="team-share-foot">
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {t('share.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy
              ? sharing
                ? t('share.sharing')
                : t('share.opening')
              : kind === 'folder'
                ? t('share.chooseFolder')
                : sharing
                  ? t('share.share')
                  : t('share.open')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}

function TextField({
  label,
  hint,
  value,
  onChange,
  required,
  ...attributes
}: {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  /** The input's kind and what the browser may fill in. */
  type?: 'url' | 'password' | 'email';
  pattern?: string;
  autoComplete: string;
}) {
  const id = useId();
  return (
    <div className="team-share-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={attributes.type ?? 'text'}
        pattern={attributes.pattern}
        autoComplete={attributes.autoComplete}
        value={value}
        required={required}
        maxLength={attributes.type === 'url' ? 2048 : 4096}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p className="team-share-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
