/** Actors: mention detection and pure registry operations. */
export { suggestActors, clearDetectionCache, kindOfName, type SuggestInput } from './detect';
export {
  acceptSuggestion,
  rejectSuggestion,
  mergeActors,
  deleteActor,
  applyActorLinkPlan,
  actorDeletionImpact,
  withAliases,
  type ActorLinkPlan,
  type ActorDeletionImpact,
} from './registry';
export { matchActors, normaliseAlias, toCliSuggestion, mentionsInSource } from '../../../shared/actors';

import type { NotebookManifest, Source } from '../../../shared/model';
import type { ActorSuggestion } from '../../../shared/actors';
import { suggestActors } from './detect';

/** Suggestions for a whole notebook: its sources, its actors, its rejected keys. */
export function suggestForNotebook(
  manifest: Pick<NotebookManifest, 'actors' | 'rejectedSuggestions'>,
  sources: Iterable<Pick<Source, 'id' | 'text' | 'language'>>,
): ActorSuggestion[] {
  return suggestActors({
    sources: [...sources].map((s) => ({ id: s.id, text: s.text, language: s.language })),
    actors: manifest.actors,
    rejected: manifest.rejectedSuggestions,
  });
}
