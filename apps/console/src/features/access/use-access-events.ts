import type { AccessLiveEvent } from '@docket/contracts';
import { useEffect, useRef } from 'react';
import { subscribeAccessEvents } from './access-events';

/** Calls the latest `onEvent` for every live access event while the component is mounted. */
export function useAccessEvents(onEvent: (event: AccessLiveEvent) => void, onReconnect?: () => void): void {
  const latest = useRef({ onEvent, onReconnect });
  latest.current = { onEvent, onReconnect };
  useEffect(
    () =>
      subscribeAccessEvents({
        onEvent: (event) => latest.current.onEvent(event),
        onReconnect: () => latest.current.onReconnect?.(),
      }),
    [],
  );
}
