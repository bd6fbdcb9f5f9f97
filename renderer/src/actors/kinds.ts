/** Actor kinds: labels and small text icons (no image assets, CSP-safe). */
import type { ActorKind, ActorRole, Stance } from '../../../shared/model';

export const KINDS: ActorKind[] = ['person', 'organisation', 'state', 'igo', 'group', 'other'];

export const KIND_LABEL: Record<ActorKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  state: 'State',
  igo: 'International body',
  group: 'Group',
  other: 'Other',
};

/** A short letter badge per kind (fonts on every system have letters; emoji fonts are not a given). */
export const KIND_ICON: Record<ActorKind, string> = {
  person: 'P',
  organisation: 'O',
  state: 'S',
  igo: 'IO',
  group: 'G',
  other: '·',
};

export const ROLES: ActorRole[] = ['speaker', 'subject', 'mentioned'];
export const STANCES: Stance[] = ['supports', 'opposes', 'neutral'];
