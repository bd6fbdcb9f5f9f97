import type { ActorKind } from '../../../shared/model';
import { KIND_ICON, KIND_LABEL } from './kinds';

export function KindIcon({ kind }: { kind: ActorKind }) {
  return (
    <span className={`actor-kind actor-kind-${kind}`} title={KIND_LABEL[kind]} aria-label={KIND_LABEL[kind]} role="img">
      {KIND_ICON[kind]}
    </span>
  );
}
