import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';

interface Props {
  cartCode: string;
  orderNumber: string;
  total: number;
}

/** The order is made and the cart locked until it is paid, online or at the counter. */
export function PhoneLocked({ cartCode, orderNumber, total }: Props) {
  const { t } = useI18n();
  return (
    <div className="phone-locked" role="status" data-testid="phone-locked">
      <span className="phone-locked-icon" aria-hidden="true">
        ✓
      </span>
      <strong className="phone-locked-title">{t('phone.lockedTitle')}</strong>
      <p>{t('phone.lockedBody', { cart: cartCode })}</p>
      <div className="phone-locked-total">
        <span className="muted small">
          {t('phoneCheckout.orderNumber')}{' '}
          <strong data-testid="phone-order-number">{orderNumber}</strong>
        </span>
        <span className="muted small">{t('phone.amountDue')}</span>
        <span className="phone-total" data-testid="phone-total">
          {formatDong(total)}
        </span>
      </div>
    </div>
  );
}
