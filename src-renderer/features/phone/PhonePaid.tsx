import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';
import { useStorePhoneSession } from './phone-cart.query.ts';
import { phoneOrderHref } from './phone-routes.ts';

interface Props {
  orderNumber: string;
  total: number;
}

/** Paid: the cart unlocks by itself; the shopper keeps the order number and a receipt link. */
export function PhonePaid({ orderNumber, total }: Props) {
  const { t } = useI18n();
  const store = useStorePhoneSession();
  return (
    <section className="phone-paid" data-testid="phone-paid" aria-labelledby="paid-title">
      <span className="phone-paid-icon" aria-hidden="true">
        ✓
      </span>
      <h1 id="paid-title" className="phone-title">
        {t('phoneCheckout.paidTitle')}
      </h1>
      <p>{t('phoneCheckout.paidBody')}</p>
      <div className="phone-paid-order">
        <span className="muted small">{t('phoneCheckout.orderNumber')}</span>
        <strong className="phone-order-number" data-testid="phone-paid-number">
          {orderNumber}
        </strong>
        <span className="phone-total" data-testid="phone-paid-total">
          {formatDong(total)}
        </span>
      </div>
      <a
        className="btn btn-secondary btn-lg btn-block"
        data-testid="phone-receipt-link"
        href={phoneOrderHref(orderNumber)}
      >
        {t('phoneCheckout.viewReceipt')}
      </a>
      <button
        type="button"
        className="btn btn-primary btn-lg btn-block"
        data-testid="phone-new-session"
        onClick={() => store(null)}
      >
        {t('phone.newSession')}
      </button>
    </section>
  );
}
