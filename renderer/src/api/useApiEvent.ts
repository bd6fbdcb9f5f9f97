import { useEffect, useRef } from 'react';
import type { ApiEvent } from '../../../shared/api';
import { onApiEvent } from './index';

type EventOf<T extends ApiEvent['type']> = Extract<ApiEvent, { type: T }>;

/** Subscribes a component to one kind of event main pushes; the latest handler is always used. */
export function useApiEvent<T extends ApiEvent['type']>(type: T, handler: (event: EventOf<T>) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type === type) ref.current(event as EventOf<T>);
      }),
    [type],
  );
}
