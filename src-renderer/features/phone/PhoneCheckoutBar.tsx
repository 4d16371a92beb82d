import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { formatDong } from '../products/money.format.ts';
import { useCheckout } from './phone-cart.query.ts';

/** The total, always in view, and the button that hands the cart to the till. */
export function PhoneCheckoutBar({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const checkout = useCheckout(session.id);
  const waitingForStaff = session.exceptions.some((e) => e.status === 'open');
  const reason = waitingForStaff
    ? t('phone.checkoutBlocked')
    : session.items.length === 0
      ? t('phone.checkoutEmpty')
      : null;

  return (
    <div className="phone-bar">
      {checkout.isError && (
        <p className="notice notice-error small" role="alert">
          {errorText(checkout.error)}
        </p>
      )}
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
          disabled={!session.checkout_allowed || checkout.isPending}
          onClick={() => checkout.mutate()}
        >
          {checkout.isPending ? t('phone.checkingOut') : t('phone.checkout')}
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
