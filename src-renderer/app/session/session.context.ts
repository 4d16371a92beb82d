import { createContext, useContext } from 'react';
import type { Session } from './session.store.ts';

export interface SessionState {
  session: Session | null;
  /** Set when the server rejected the saved token, so the login page can say why. */
  expired: boolean;
  signIn(session: Session): void;
  signOut(): void;
  /** Signs out only if `token` is still the current one: a late 401 must not end a newer session. */
  expire(token: string): void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession() needs a <SessionProvider> above it');
  return state;
}
