import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';

interface Props {
  session: SessionView;
  /** Opens the review step; nothing is sent until the order is placed there. */
  onCheckout(): void;
}

/** The total, always in view, and the button that leads to checkout. */
export function PhoneCheckoutBar({ session, onCheckout }: Props) {
  const { t } = useI18n();
  const waitingForStaff = session.exceptions.some((e) => e.status === 'open');
  const reason = waitingForStaff
    ? t('phone.checkoutBlocked')
    : session.items.length === 0
      ? t('phone.checkoutEmpty')
      : null;

  return (
    <div className="phone-bar">
      <div className="phone-bar-row">
        <div>
          <div className="muted small">{t('phone.totalItems', { n: session.total_items })}</div>
          <div className="phone-total" data-testid="phone-total">
            {formatDong(session.total)}
          </div>
        </div>
        <button
          type="button"
          className="btn btn-primary btn-lg"
          data-testid="phone-checkout"
          disabled={!session.checkout_allowed}
          onClick={onCheckout}
        >
          {t('phone.checkout')}
        </button>
      </div>
      {reason && !session.checkout_allowed && (
        <p className="muted small" data-testid="phone-checkout-reason">
          {reason}
        </p>
      )}
    </div>
  );
}
