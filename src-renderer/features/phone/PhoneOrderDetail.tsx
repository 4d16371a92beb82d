import { useI18n } from '../../app/i18n/i18n.context.ts';
import { LoadError } from '../../components/LoadError.tsx';
import {
  formatOrderTime,
  historyText,
  orderStatusText,
  paymentBadgeClass,
  paymentStatusText,
} from './order-text.ts';
import { useMyOrder } from './phone-orders.query.ts';
import { PHONE_ORDERS_HREF } from './phone-routes.ts';
import { PhoneOrderLines } from './PhoneOrderLines.tsx';
import { PhonePayChooser } from './PhonePayChooser.tsx';
import { PhoneReceipt } from './PhoneReceipt.tsx';

/** `#/phone/orders/<number>`: one order, its status history and its receipt. */
export function PhoneOrderDetail({ orderRef }: { orderRef: string }) {
  const { t, locale } = useI18n();
  const order = useMyOrder(orderRef);
  const data = order.data;

  return (
    <section className="phone-checkout" data-testid="phone-order" aria-labelledby="order-title">
      <div className="phone-step-head">
        <a className="btn btn-ghost btn-sm" href={PHONE_ORDERS_HREF} data-testid="phone-order-back">
          {t('phoneOrders.back')}
        </a>
        <h1 id="order-title" className="phone-title">
          {data ? data.number : t('phoneOrders.detailTitle')}
        </h1>
      </div>
      {order.isError ? (
        <LoadError
          title={t('phoneOrders.loadOneFailed')}
          error={order.error}
          onRetry={() => void order.refetch()}
        />
      ) : !data ? (
        <p className="phone-card muted" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <>
          <div className="phone-card">
            <div className="phone-badges">
              <span className="badge badge-info" data-testid="phone-order-status">
                {orderStatusText(data.status, t)}
              </span>
              <span
                className={paymentBadgeClass(data.payment_status)}
                data-testid="phone-order-payment"
              >
                {paymentStatusText(data.payment_status, t)}
              </span>
            </div>
            <span className="muted small">{formatOrderTime(data.created_at, locale)}</span>
            <PhoneOrderLines
              lines={data.items.map((i) => ({
                name: i.product_name,
                quantity: i.quantity,
                lineTotal: i.line_total,
              }))}
              subtotal={data.subtotal}
              discount={data.discount}
              total={data.total}
            />
          </div>

          {/* Placed for delivery and not paid yet: pay it from here (cash on delivery too). */}
          {data.payment_status === 'unpaid' && data.status !== 'Cancelled' && data.total > 0 && (
            <div data-testid="phone-order-pay">
              <PhonePayChooser order={data} />
            </div>
          )}

          <div className="phone-card">
            <h2 className="phone-section-title">{t('phoneOrders.history')}</h2>
            <ol className="phone-history" data-testid="phone-order-history">
              {data.history.map((event, index) => (
                <li key={index}>
                  <strong>{historyText(event, t)}</strong>
                  <span className="muted small">{formatOrderTime(event.at, locale)}</span>
                </li>
              ))}
            </ol>
          </div>

          <PhoneReceipt orderRef={data.number} />
        </>
      )}
    </section>
  );
}
