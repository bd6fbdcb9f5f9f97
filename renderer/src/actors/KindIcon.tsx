import type { ActorKind } from '../../../shared/model';
import { useTranslation } from 'react-i18next';
import { KIND_ICON } from './kinds';

export function KindIcon({ kind }: { kind: ActorKind }) {
  const { t } = useTranslation('actors');
  return (
    <span
      className={`actor-kind actor-kind-${kind}`}
      title={t(`kind.${kind}`)}
      aria-label={t(`kind.${kind}`)}
      role="img"
    >
      {KIND_ICON[kind]}
    </span>
  );
}
