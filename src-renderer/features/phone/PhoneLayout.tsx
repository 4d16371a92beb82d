import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { CartLogo } from '../../components/CartLogo.tsx';
import { LangToggle } from '../../components/LangToggle.tsx';

interface Props {
  /** The shopper's name once signed in. */
  name: string | null;
  onSignOut?(): void;
  children: ReactNode;
}

/** The shoppers' frame: one column sized for a phone, a slim header, no staff navigation. */
export function PhoneLayout({ name, onSignOut, children }: Props) {
  const { t } = useI18n();
  return (
    <div className="phone-shell" data-testid="phone-app">
      <header className="phone-header">
        <div className="phone-brand">
          <CartLogo size={28} />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="phone-header-actions">
          {name && (
            <span className="phone-user" data-testid="phone-user">
              {name}
            </span>
          )}
          <LangToggle />
          {onSignOut && (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              data-testid="phone-logout"
              onClick={onSignOut}
            >
              {t('header.logout')}
            </button>
          )}
        </div>
      </header>
      <main className="phone-main">{children}</main>
    </div>
  );
}
