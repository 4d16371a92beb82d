import { useEffect, useRef, type ReactNode } from 'react';
import { CartLogo } from '../components/CartLogo.tsx';
import { LangToggle } from '../components/LangToggle.tsx';
import { useI18n, type MessageKey } from './i18n/i18n.context.ts';
import { hrefOf, pageById, PAGES, type PageId } from './routes.config.ts';
import { useSession } from './session/session.context.ts';
import type { Session, StaffRole } from './session/session.store.ts';

const ROLE_LABELS: Record<StaffRole, MessageKey> = {
  admin: 'role.admin',
  product_staff: 'role.product_staff',
  order_staff: 'role.order_staff',
};

interface Props {
  current: PageId;
  session: Session;
  children: ReactNode;
}

/** The signed-in frame: sidebar navigation, a header bar with the user, and the page. */
export function AppLayout({ current, session, children }: Props) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const mainRef = useRef<HTMLElement>(null);
  const pageLabel = t(pageById(current).label);

  useEffect(() => {
    document.title = `${pageLabel} · ${t('app.name')}`;
  }, [pageLabel, t]);

  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        {t('app.skipToContent')}
      </button>

      <aside className="sidebar">
        <div className="brand">
          <CartLogo size={32} />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav data-testid="nav" aria-label={t('nav.label')}>
          <ul className="nav-list">
            {PAGES.map((page) => (
              <li key={page.id}>
                <a
                  className="nav-link"
                  href={hrefOf(page.id)}
                  aria-current={page.id === current ? 'page' : undefined}
                >
                  <span>{t(page.label)}</span>
                  {!page.ready && <span className="nav-soon">{t('comingSoon.badge')}</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>

      <header className="topbar">
        <div className="topbar-title">{pageLabel}</div>
        <div className="topbar-actions">
          <div className="user-chip" title={t('header.signedInAs')}>
            <span className="user-name" data-testid="user-name">
              {session.name}
            </span>
            <span className="role-badge" data-testid="user-role">
              {t(ROLE_LABELS[session.role])}
            </span>
          </div>
          <LangToggle />
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="logout"
            onClick={signOut}
          >
            {t('header.logout')}
          </button>
        </div>
      </header>

      <main id="main" className="content" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
