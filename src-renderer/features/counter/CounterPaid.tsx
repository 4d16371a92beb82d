import type { PaymentView } from '../../api/payments.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';

/** Cash taken: the change to hand back (the server's figure), then the next customer. */
export function CounterPaid({ payment, onNext }: { payment: PaymentView; onNext(): void }) {
  const { t } = useI18n();
  // The server keeps what was handed over (amount_received) and answers the change.
  const change = payment.change ?? 0;
  return (
    <div className="panel counter-paid" data-testid="counter-paid" role="status">
      <span className="counter-paid-icon" aria-hidden="true">
        ✓
      </span>
      <h2 className="panel-title">{t('counter.paidTitle', { number: payment.order_number })}</h2>
      <dl className="counter-sums">
        <div>
          <dt>{t('counter.total')}</dt>
          <dd>{formatDong(payment.amount)}</dd>
        </div>
        <div>
          <dt>{t('counter.received')}</dt>
          <dd data-testid="counter-paid-received">{formatDong(payment.amount_received)}</dd>
        </div>
        <div className="counter-sums-total">
          <dt>{t('counter.change')}</dt>
          <dd className="counter-change" data-testid="counter-change">
            {formatDong(change)}
          </dd>
        </div>
      </dl>
      <p className="muted small">{t('counter.paidHint')}</p>
      <button
        type="button"
        className="btn btn-primary btn-lg"
        data-testid="counter-next"
        // Enter moves on to the next customer without reaching for the mouse.
        autoFocus
        onClick={onNext}
      >
        {t('counter.next')}
      </button>
    </div>
  );
}
