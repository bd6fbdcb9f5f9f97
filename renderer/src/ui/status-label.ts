/**
 * How a claim's status reads in the interface: the four statuses every
 * notebook starts with in the interface's language (their words are the
 * brief catalogue's, so an exported brief and the screen agree); a status the
 * notebook's people named themselves exactly as they wrote it.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_STATUSES } from '../../../shared/model';

type DefaultStatus = (typeof DEFAULT_STATUSES)[number];
const isDefault = (status: string): status is DefaultStatus => (DEFAULT_STATUSES as readonly string[]).includes(status);

/** `(status) => label` in the interface's current language. */
export function useStatusLabel(): (status: string) => string {
  const { t } = useTranslation('brief');
  return useCallback((status: string) => (isDefault(status) ? t(`status.${status}`, { count: 1 }) : status), [t]);
}
