import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api.context.ts';
import { openLive, type LiveEvent, type LiveStatus } from '../../api/live-socket.ts';
import { getSession } from '../../api/sessions.api.ts';
import { PHONE_SESSION_KEY, useStorePhoneSession } from './phone-cart.query.ts';

/**
 * Follows one session live. Each event is a cue to fetch the session again (the server's view
 * is the only source of prices and totals); after a drop the socket resumes from the last
 * version it saw, so the phone catches up without reloading. `onEvent` hears each event first,
 * for what the session's view does not hold (the paid order's number).
 */
export function usePhoneLive(
  token: string,
  sessionId: string | null,
  onEvent?: (event: LiveEvent) => void,
): LiveStatus {
  const api = useApi();
  const queryClient = useQueryClient();
  const store = useStorePhoneSession();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handlers = useRef({ api, store, queryClient, onEvent });
  useEffect(() => {
    handlers.current = { api, store, queryClient, onEvent };
  });

  useEffect(() => {
    if (!sessionId) return;
    const live = openLive({
      token,
      session: sessionId,
      onSnapshot: (view) => handlers.current.store(view),
      onEvent(event) {
        handlers.current.onEvent?.(event);
        getSession(handlers.current.api, sessionId).then(handlers.current.store, () => {
          // The next event or reconnect repairs the view.
        });
      },
      onStatus(next) {
        setStatus(next);
        // Refused: the session is gone or no longer ours; ask the server what is current.
        if (next === 'refused') {
          void handlers.current.queryClient.invalidateQueries({ queryKey: PHONE_SESSION_KEY });
        }
      },
    });
    return () => live.close();
  }, [token, sessionId]);

  return status;
}
