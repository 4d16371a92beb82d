import type { MyOrder } from '../../api/my-orders.api.ts';
import type { PaymentView } from '../../api/payments.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';
import { CashForm } from './CashForm.tsx';

interface Props {
  order: MyOrder;
  /** Who and which cart, when the order was opened from the queue. */
  customer?: string;
  cartCode?: string;
  onPaid(payment: PaymentView): void;
}

/** The order at the till: its lines and total, then the cash it still needs. */
export function CounterOrder({ order, customer, cartCode, onPaid }: Props) {
  const { t } = useI18n();
  const payable = order.payment_status === 'unpaid' && order.status !== 'Cancelled';

  return (
    <div className="panel counter-order" data-testid="counter-order" data-number={order.number}>
      <div className="counter-order-head">
        <div>
          <h2 className="panel-title" data-testid="counter-order-number">
            {order.number}
          </h2>
          <span className="muted small">
            {[customer, cartCode].filter(Boolean).join(' · ') || order.source}
          </span>
        </div>
        <span
          className={order.payment_status === 'paid' ? 'badge badge-good' : 'badge badge-warn'}
          data-testid="counter-order-payment"
        >
          {order.payment_status === 'paid' ? t('counter.paid') : t('counter.unpaid')}
        </span>
      </div>

      <table className="data-table counter-lines">
        <thead>
          <tr>
            <th>{t('counter.product')}</th>
            <th className="col-count">{t('counter.quantity')}</th>
            <th className="col-money">{t('counter.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((line, index) => (
            <tr key={index} data-testid="counter-line">
              <td>
                <div className="cell-title">{line.product_name}</div>
                <div className="muted small">
                  {line.sku} · {formatDong(line.unit_price)}
                </div>
              </td>
              <td className="col-count">{line.quantity}</td>
              <td className="col-money">{formatDong(line.line_total)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="counter-sums">
        <div>
          <dt>{t('counter.subtotal')}</dt>
          <dd>{formatDong(order.subtotal)}</dd>
        </div>
        {order.discount > 0 && (
          <div>
            <dt>{t('counter.discount')}</dt>
            <dd>−{formatDong(order.discount)}</dd>
          </div>
        )}
        <div className="counter-sums-total">
          <dt>{t('counter.total')}</dt>
          <dd data-testid="counter-order-total">{formatDong(order.total)}</dd>
        </div>
      </dl>

      {payable ? (
        <CashForm key={order.id} order={order} onPaid={onPaid} />
      ) : (
        <p className="notice notice-info" data-testid="counter-order-closed">
          {order.status === 'Cancelled' ? t('counter.cancelled') : t('counter.alreadyPaid')}
        </p>
      )}
    </div>
  );
}
