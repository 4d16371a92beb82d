import type { PaymentView } from '../../api/payments.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { QrCode } from '../../components/QrCode.tsx';
import { formatDong } from '../products/money.format.ts';
import { usePaymentStatus } from './phone-checkout.query.ts';
import { METHOD_LABELS } from './PhonePaymentMethods.tsx';
import { PhonePaid } from './PhonePaid.tsx';

interface Props {
  payment: PaymentView;
  /** Back to the list of methods (another gateway, or cash at the counter). */
  onOther(): void;
}

/**
 * A gateway link is open: its VietQR code to scan with a banking app, the link for paying on
 * this phone, and a wait that ends when the live channel (or, failing that, polling) says paid.
 */
export function PhonePaymentWaiting({ payment, onOther }: Props) {
  const { t } = useI18n();
  const status = usePaymentStatus(payment);
  const current = status.data;

  if (current.status === 'paid') {
    return <PhonePaid orderNumber={current.order_number} total={current.amount} />;
  }
  const closed = current.status !== 'pending';
  const partial = current.amount_received > 0 && current.amount_received < current.amount;

  return (
    <div
      className="phone-card phone-waiting"
      data-testid="phone-payment"
      data-status={current.status}
    >
      <div className="phone-waiting-head">
        <strong>{t(METHOD_LABELS[current.method])}</strong>
        <span className="phone-total" data-testid="phone-payment-amount">
          {formatDong(current.amount)}
        </span>
      </div>

      {closed ? (
        <p className="notice notice-warn" role="alert" data-testid="phone-payment-closed">
          {t('phoneCheckout.paymentClosed')}
        </p>
      ) : (
        <>
          {current.qr_code && (
            <div className="phone-qr">
              <QrCode
                text={current.qr_code}
                size={224}
                label={t('phoneCheckout.qrLabel')}
                testId="phone-payment-qr"
              />
              <p className="muted small">{t('phoneCheckout.qrHint')}</p>
            </div>
          )}
          {current.checkout_url && (
            <a
              className="btn btn-secondary btn-lg btn-block"
              data-testid="phone-payment-link"
              href={current.checkout_url}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('phoneCheckout.openLink')}
            </a>
          )}
          {partial && (
            <p className="notice notice-warn small" data-testid="phone-payment-partial">
              {t('phoneCheckout.partial', {
                received: formatDong(current.amount_received),
                left: formatDong(current.amount - current.amount_received),
              })}
            </p>
          )}
          <p className="phone-waiting-status" role="status" data-testid="phone-payment-waiting">
            <span className="phone-spinner" aria-hidden="true" />
            {t('phoneCheckout.waiting')}
          </p>
        </>
      )}

      <button
        type="button"
        className="btn btn-ghost btn-block"
        data-testid="phone-payment-other"
        onClick={onOther}
      >
        {t('phoneCheckout.otherMethod')}
      </button>
    </div>
  );
}
