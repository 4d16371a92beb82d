import { useI18n } from '../../app/i18n/i18n.context.ts';
import { LiveIndicator } from '../../components/LiveIndicator.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { CartCard } from './CartCard.tsx';
import { useCartsLive } from './carts-live.hook.ts';
import { useOpenSessions } from './carts.query.ts';
import { byUrgency, openExceptions } from './session-list.util.ts';

/** Every cart in use, live: staff see scans land, and step in where the cart disagrees. */
export function CartsPage() {
  const { t } = useI18n();
  const sessions = useOpenSessions();
  const live = useCartsLive();
  const list = sessions.data ? [...sessions.data].sort(byUrgency(live.help)) : null;
  const attention = list?.filter((s) => live.help.has(s.id) || openExceptions(s).length > 0);

  return (
    <section className="page page-wide" data-testid="carts-page" aria-labelledby="page-title">
      <div className="page-header">
        <div className="page-heading">
          <h1 id="page-title">{t('carts.title')}</h1>
          {list && (
            <span className="muted" data-testid="carts-summary">
              {t('carts.summary', { n: list.length, attention: attention?.length ?? 0 })}
            </span>
          )}
        </div>
        <LiveIndicator status={live.status} />
      </div>

      {sessions.isError && !list ? (
        <LoadError
          title={t('carts.loadFailed')}
          error={sessions.error}
          onRetry={() => void sessions.refetch()}
        />
      ) : !list ? (
        <p className="panel empty-state muted" role="status">
          {t('common.loading')}
        </p>
      ) : list.length === 0 ? (
        <div className="panel empty-state" data-testid="carts-empty">
          <p className="cell-title">{t('carts.empty')}</p>
          <p className="muted">{t('carts.emptyHint')}</p>
        </div>
      ) : (
        <div className="cart-grid">
          {list.map((session) => (
            <CartCard
              key={session.id}
              session={session}
              helpAsked={live.help.has(session.id)}
              onDismissHelp={() => live.dismissHelp(session.id)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
