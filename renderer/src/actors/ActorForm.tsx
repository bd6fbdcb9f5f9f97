/** Create or edit an actor: name, kind, aliases as chips, member of, description, colour. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Actor, ActorKind } from '../../../shared/model';
import { useTranslation } from 'react-i18next';
import { ACTOR_KINDS } from '../../../shared/enums';

export interface ActorDraft {
  name: string;
  kind: ActorKind;
  aliases: string[];
  memberOf: string[];
  description: string;
  color: string;
}

interface Props {
  actor?: Actor;
  actors: Actor[];
  onSave(draft: ActorDraft): Promise<void>;
  onCancel(): void;
}

export function ActorForm({ actor, actors, onSave, onCancel }: Props) {
  const { t } = useTranslation(['actors', 'common']);
  const [draft, setDraft] = useState<ActorDraft>({
    name: actor?.name ?? '',
    kind: actor?.kind ?? 'person',
    aliases: actor?.aliases ?? [],
    memberOf: actor?.memberOf ?? [],
    description: actor?.description ?? '',
    color: actor?.color ?? '',
  });
  const [alias, setAlias] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ActorDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const addAlias = () => {
    const a = alias.trim();
    if (a && !draft.aliases.some((x) => x.toLowerCase() === a.toLowerCase())) set({ aliases: [...draft.aliases, a] });
    setAlias('');
  };
  const onAliasKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      addAlias();
    } else if (e.key === 'Backspace' && !alias && draft.aliases.length) {
      set({ aliases: draft.aliases.slice(0, -1) });
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.name.trim()) return;
    setBusy(true);
    try {
      const pending = alias.trim();
      await onSave(pending ? { ...draft, aliases: [...draft.aliases, pending] } : draft);
    } finally {
      setBusy(false);
    }
  };
  const candidates = actors.filter((a) => a.id !== actor?.id && !draft.memberOf.includes(a.id));
  const byId = new Map(actors.map((a) => [a.id, a]));

  return (
    <form
      className="actor-form"
      aria-label={actor ? t('form.editTitle', { name: actor.name }) : t('form.newTitle')}
      onSubmit={(e) => void submit(e)}
    >
      <h1>{actor ? t('form.editTitle', { name: actor.name }) : t('form.newTitle')}</h1>
      <label className="field-label" htmlFor="actor-name">
        {t('form.name')}
      </label>
      <input id="actor-name" autoFocus value={draft.name} onChange={(e) => set({ name: e.target.value })} required />
      <label className="field-label" htmlFor="actor-kind">
        {t('form.kind')}
      </label>
      <select id="actor-kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as ActorKind })}>
        {ACTOR_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </select>
      <label className="field-label" htmlFor="actor-alias">
        {t('form.aliases')} <span className="muted">{t('form.aliasesHint')}</span>
      </label>
      <div className="actor-chip-input">
        {draft.aliases.map((a) => (
          <span key={a} className="actor-chip">
            {a}
            <button
              type="button"
              aria-label={t('form.removeAlias', { alias: a })}
              onClick={() => set({ aliases: draft.aliases.filter((x) => x !== a) })}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id="actor-alias"
          value={alias}
          placeholder={t('form.addAlias')}
          onChange={(e) => setAlias(e.target.value)}
          onKeyDown={onAliasKey}
          onBlur={addAlias}
        />
      </div>
      <label className="field-label" htmlFor="actor-member">
        {t('form.memberOf')}
      </label>
      <div className="actor-chip-input">
        {draft.memberOf.map((id) => (
          <span key={id} className="actor-chip">
            {byId.get(id)?.name ?? id}
            <button
              type="button"
              aria-label={t('form.removeMembership', { name: byId.get(id)?.name ?? id })}
              onClick={() => set({ memberOf: draft.memberOf.filter((x) => x !== id) })}
            >
              ×
            </button>
          </span>
        ))}
        <select
          id="actor-member"
          value=""
          onChange={(e) => {
            if (e.target.value) set({ memberOf: [...draft.memberOf, e.target.value] });
          }}
        >
          <option value="">{t('form.addMembership')}</option>
          {candidates.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <label className="field-label" htmlFor="actor-description">
        {t('form.description')}
      </label>
      <textarea
        id="actor-description"
        rows={3}
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <label className="field-label" htmlFor="actor-color">
        {t('form.colour')}
      </label>
      <div className="actor-color-row">
        <input
          id="actor-color"
          type="color"
          value={draft.color || '#2f5d8a'}
          onChange={(e) => set({ color: e.target.value })}
        />
        {draft.color && (
          <button type="button" className="link-button" onClick={() => set({ color: '' })}>
            {t('form.noColour')}
          </button>
        )}
      </div>
      <div className="actor-form-actions">
        <button type="submit" className="primary" disabled={busy || !draft.name.trim()}>
          {actor ? t('common:save') : t('form.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
