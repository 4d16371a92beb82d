import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';

/** After checkout: the cart is locked and the shopper goes to the counter to pay. */
export function PhoneLocked({ session }: { session: SessionView }) {
  const { t } = useI18n();
  return (
    <div className="phone-locked" role="status" data-testid="phone-locked">
      <span className="phone-locked-icon" aria-hidden="true">
        ✓
      </span>
      <strong className="phone-locked-title">{t('phone.lockedTitle')}</strong>
      <p>{t('phone.lockedBody', { cart: session.cart_code })}</p>
      <div className="phone-locked-total">
        <span className="muted small">{t('phone.amountDue')}</span>
        <span className="phone-total" data-testid="phone-total">
          {formatDong(session.total)}
        </span>
      </div>
    </div>
  );
}
