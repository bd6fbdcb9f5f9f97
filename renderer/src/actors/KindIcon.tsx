import type { ActorKind } from '../../../shared/model';
import { ACTOR_KIND_LABEL } from '../../../shared/enums';
import { KIND_ICON } from './kinds';

export function KindIcon({ kind }: { kind: ActorKind }) {
  return (
    <span
      className={`actor-kind actor-kind-${kind}`}
      title={ACTOR_KIND_LABEL[kind]}
      aria-label={ACTOR_KIND_LABEL[kind]}
      role="img"
    >
      {KIND_ICON[kind]}
    </span>
  );
}
