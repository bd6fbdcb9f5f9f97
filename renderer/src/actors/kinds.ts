/** Small text icons for actor kinds (no image assets, CSP-safe); the kinds and their labels are in shared/enums.ts. */
import type { ActorKind } from '../../../shared/enums';

/** A short letter badge per kind (fonts on every system have letters; emoji fonts are not a given). */
export const KIND_ICON: Record<ActorKind, string> = {
  person: 'P',
  organisation: 'O',
  state: 'S',
  igo: 'IO',
  group: 'G',
  other: '·',
};
