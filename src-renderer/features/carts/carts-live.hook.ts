import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api.context.ts';
import { openLive, type LiveEvent, type LiveStatus } from '../../api/live-socket.ts';
import { getSession } from '../../api/sessions.api.ts';
import { useSession } from '../../app/session/session.context.ts';
import { OPEN_SESSIONS_KEY, useStoreSession } from './carts.query.ts';

const isHelp = (event: LiveEvent) =>
  event.event === 'button_pressed' && (event.data as { button?: string }).button === 'help';

/**
 * Watches every cart (`session=*`). Snapshots go straight into the list; an event only says
 * that a session changed, so that session is fetched again: the server's view is the one
 * source of truth for items, totals and exceptions. A help press is remembered until staff
 * dismiss it, because it is an event, not part of the session's state.
 */
export function useCartsLive() {
  const api = useApi();
  const queryClient = useQueryClient();
  const store = useStoreSession();
  const token = useSession().session?.token ?? null;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [help, setHelp] = useState<ReadonlySet<string>>(new Set());
  // The socket lives as long as the token; the handlers it calls may change with each render.
  const handlers = useRef({ api, store, queryClient });
  useEffect(() => {
    handlers.current = { api, store, queryClient };
  });

  useEffect(() => {
    if (!token) return;
    const live = openLive({
      token,
      session: '*',
      onSnapshot: (view) => handlers.current.store(view),
      onEvent(event) {
        if (isHelp(event)) setHelp((current) => new Set(current).add(event.session));
        if (event.event === 'session_ended') setHelp((current) => without(current, event.session));
        getSession(handlers.current.api, event.session).then(handlers.current.store, () => {
          // The next event or reconnect brings it back in line.
        });
      },
      onStatus(next) {
        setStatus(next);
        // Sessions that ended while the link was down send no event: reload the whole list.
        if (next === 'open') {
          void handlers.current.queryClient.invalidateQueries({ queryKey: OPEN_SESSIONS_KEY });
        }
      },
    });
    return () => live.close();
  }, [token]);

  const dismissHelp = useCallback((id: string) => setHelp((current) => without(current, id)), []);
  return { status, help, dismissHelp };
}

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!set.has(id)) return set;
  const next = new Set(set);
  next.delete(id);
  return next;
}
