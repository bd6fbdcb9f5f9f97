/**
 * What accepting a suggestion answers when an actor already carries its name
 * (the API's conflict): "“Kajkanten” is already a name of Harbour Desk. Merge
 * into Harbour Desk?" with the button that merges, and one that cancels.
 */
import { Trans, useTranslation } from 'react-i18next';
import type { ActorConflict } from '../../../shared/api/actors';
import { KindIcon } from './KindIcon';
import '../styles/merge-offer.css';

export function MergeOffer({
  conflict,
  onMerge,
  onCancel,
}: {
  conflict: ActorConflict;
  onMerge: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['actors', 'common']);
  const { actor, names } = conflict;
  return (
    <div className="actor-conflict" role="alert">
      <Trans
        t={t}
        i18nKey="mergeOffer.text"
        values={{ names: names.join(t('mergeOffer.nameSeparator')), name: actor.name }}
        components={{ kind: <KindIcon kind={actor.kind} /> }}
      />{' '}
      <button type="button" onClick={onMerge}>
        {t('mergeOffer.merge', { name: actor.name })}
      </button>{' '}
      <button type="button" className="link-button" onClick={onCancel}>
        {t('common:cancel')}
      </button>
    </div>
  );
}
