import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { SessionContext, type SessionState } from './session.context.ts';
import {
  clearSession,
  isSessionKey,
  readSession,
  saveSession,
  type Session,
} from './session.store.ts';

interface Props {
  children: ReactNode;
  /** Runs after every sign-out, to drop data cached for the previous user. */
  onSignOut(): void;
}

export function SessionProvider({ children, onSignOut }: Props) {
  const [session, setSession] = useState<Session | null>(readSession);
  const [expired, setExpired] = useState(false);

  // Signing in or out in another window of the same origin applies here too.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (!isSessionKey(event.key)) return;
      const next = readSession();
      setSession(next);
      if (!next) onSignOut();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [onSignOut]);

  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setExpired(false);
    setSession(next);
  }, []);

  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
    onSignOut();
  }, [onSignOut]);

  const expire = useCallback(
    (token: string) => {
      // Storage, not React state, is read here: it is current even inside a stale closure.
      if (readSession()?.token !== token) return;
      signOut();
      setExpired(true);
    },
    [signOut],
  );

  const value = useMemo<SessionState>(
    () => ({ session, expired, signIn, signOut, expire }),
    [session, expired, signIn, signOut, expire],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}
