import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createApiClient } from '../../api/api-client.ts';
import { ApiContext } from '../../api/api.context.ts';
import { useHashPath } from '../../app/hash-route.hook.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { PHONE_KEY } from './phone-cart.query.ts';
import { phoneRoute, type PhoneRoute } from './phone-routes.ts';
import {
  clearPhoneSession,
  readPhoneSession,
  savePhoneSession,
  type PhoneSession,
} from './phone-session.store.ts';
import { PhoneHome } from './PhoneHome.tsx';
import { PhoneLayout } from './PhoneLayout.tsx';
import { PhoneLogin } from './PhoneLogin.tsx';
import { PhoneOrderDetail } from './PhoneOrderDetail.tsx';
import { PhoneOrders } from './PhoneOrders.tsx';
import { PhoneTabs } from './PhoneTabs.tsx';

function PhonePage({ route, token }: { route: PhoneRoute; token: string }) {
  switch (route.page) {
    case 'orders':
      return <PhoneOrders />;
    case 'order':
      return <PhoneOrderDetail key={route.ref} orderRef={route.ref} />;
    case 'shop':
      return <PhoneHome token={token} />;
  }
}

/**
 * The shoppers' app at `#/phone`: served by the same build as the console, but with its own
 * sign-in (any role) and its own API client, so it never borrows the console's staff token.
 */
export function PhoneApp() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<PhoneSession | null>(readPhoneSession);
  const token = session?.token ?? null;
  const route = phoneRoute(useHashPath());

  useEffect(() => {
    document.title = `${t('phone.appTitle')} · ${t('app.name')}`;
  }, [t]);

  const signOut = useCallback(() => {
    clearPhoneSession();
    setSession(null);
    queryClient.removeQueries({ queryKey: PHONE_KEY });
  }, [queryClient]);

  const api = useMemo(
    () =>
      createApiClient({
        getToken: () => token,
        // Each client carries one token; a late 401 from an older client must not sign out a newer one.
        onUnauthorized: (rejected) => {
          if (rejected === token) signOut();
        },
      }),
    [token, signOut],
  );

  function signIn(next: PhoneSession) {
    savePhoneSession(next);
    queryClient.removeQueries({ queryKey: PHONE_KEY });
    setSession(next);
  }

  return (
    <ApiContext value={api}>
      <PhoneLayout name={session?.name ?? null} onSignOut={session ? signOut : undefined}>
        {session ? (
          <>
            <PhoneTabs route={route} />
            <PhonePage route={route} token={session.token} />
          </>
        ) : (
          <PhoneLogin onSignedIn={signIn} />
        )}
      </PhoneLayout>
    </ApiContext>
  );
}
