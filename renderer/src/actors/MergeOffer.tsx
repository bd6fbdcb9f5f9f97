/**
 * What accepting a suggestion answers when an actor already carries its name
 * (the API's conflict): "“Kajkanten” is already a name of Harbour Desk. Merge
 * into Harbour Desk?" with the button that merges, and one that cancels.
 */
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
  const { actor, names } = conflict;
  return (
    <div className="actor-conflict" role="alert">
      “{names.join('”, “')}” is already a name of <KindIcon kind={actor.kind} /> {actor.name}. Merge into {actor.name}?{' '}
      <button type="button" onClick={onMerge}>
        Merge into {actor.name}
      </button>{' '}
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
