import { useState } from 'react';
import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';
import { formatClockTime } from '../status/status.format.ts';
import { AbandonDialog } from './AbandonDialog.tsx';
import { CartItemRow } from './CartItemRow.tsx';
import { ExceptionRow } from './ExceptionRow.tsx';
import { SessionStatusBadge } from './SessionStatusBadge.tsx';
import { openExceptions } from './session-list.util.ts';

interface Props {
  session: SessionView;
  helpAsked: boolean;
  onDismissHelp(): void;
}

/** One cart in use: who, what is in it, what staff must check, and the way to end it. */
export function CartCard({ session, helpAsked, onDismissHelp }: Props) {
  const { t, locale } = useI18n();
  const [abandoning, setAbandoning] = useState(false);
  const attention = helpAsked || openExceptions(session).length > 0;

  return (
    <article
      className={`panel cart-card${attention ? ' cart-card-attention' : ''}`}
      data-testid="cart-card"
      data-cart={session.cart_code}
      aria-label={t('carts.cardLabel', { cart: session.cart_code })}
    >
      <header className="cart-card-head">
        <div>
          <div className="cart-code">{session.cart_code}</div>
          <div className="cart-customer" data-testid="cart-customer">
            {session.customer_name}
          </div>
          <div className="muted small">
            {t('carts.startedAt', { time: formatClockTime(session.started_at, locale) })}
          </div>
        </div>
        <div className="cart-badges">
          {helpAsked && (
            <button
              type="button"
              className="badge badge-help"
              data-testid="cart-help"
              title={t('carts.helpDismiss')}
              onClick={onDismissHelp}
            >
              {t('carts.help')} <span aria-hidden="true">×</span>
            </button>
          )}
          <SessionStatusBadge status={session.status} />
        </div>
      </header>

      {session.exceptions.length > 0 && (
        <ul className="exception-list" aria-label={t('carts.exceptions')}>
          {session.exceptions.map((exception) => (
            <ExceptionRow key={exception.id} sessionId={session.id} exception={exception} />
          ))}
        </ul>
      )}

      {session.items.length === 0 ? (
        <p className="cart-empty muted">{t('carts.noItems')}</p>
      ) : (
        <ul className="cart-items" aria-label={t('carts.items')}>
          {session.items.map((item) => (
            <CartItemRow key={item.variant_id} item={item} />
          ))}
        </ul>
      )}

      <footer className="cart-card-foot">
        <div className="cart-total-line">
          <span className="muted">{t('carts.totalItems', { n: session.total_items })}</span>
          <strong className="cart-total" data-testid="cart-total">
            {formatDong(session.total)}
          </strong>
        </div>
        <button
          type="button"
          className="btn btn-danger-ghost btn-sm"
          data-testid="cart-abandon"
          onClick={() => setAbandoning(true)}
        >
          {t('carts.abandon')}
        </button>
      </footer>

      {abandoning && <AbandonDialog session={session} onDone={() => setAbandoning(false)} />}
    </article>
  );
}
