import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { Pager } from '../../components/Pager.tsx';
import { formatDong } from '../products/money.format.ts';
import {
  formatOrderTime,
  orderStatusText,
  paymentBadgeClass,
  paymentStatusText,
} from './order-text.ts';
import { useMyOrders } from './phone-orders.query.ts';
import { phoneOrderHref } from './phone-routes.ts';

/** `#/phone/orders`: the shopper's orders, newest first, each opening its detail. */
export function PhoneOrders() {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const orders = useMyOrders(page);

  return (
    <section className="phone-checkout" data-testid="phone-orders" aria-labelledby="orders-title">
      <h1 id="orders-title" className="phone-title">
        {t('phoneOrders.title')}
      </h1>
      {orders.isError && !orders.data ? (
        <LoadError
          title={t('phoneOrders.loadFailed')}
          error={orders.error}
          onRetry={() => void orders.refetch()}
        />
      ) : !orders.data ? (
        <p className="phone-card muted" role="status">
          {t('common.loading')}
        </p>
      ) : orders.data.items.length === 0 ? (
        <div className="phone-empty" data-testid="phone-orders-empty">
          <strong>{t('phoneOrders.empty')}</strong>
          <p className="muted small">{t('phoneOrders.emptyHint')}</p>
        </div>
      ) : (
        <>
          <ul className="phone-order-list">
            {orders.data.items.map((order) => (
              <li key={order.id}>
                <a
                  className="phone-order-row"
                  data-testid="phone-order-row"
                  data-number={order.number}
                  href={phoneOrderHref(order.number)}
                >
                  <span className="phone-order-row-head">
                    <strong>{order.number}</strong>
                    <span className="phone-total-sm">{formatDong(order.total)}</span>
                  </span>
                  <span className="phone-order-row-foot">
                    <span className="muted small">
                      {formatOrderTime(order.created_at, locale)} ·{' '}
                      {t('phoneOrders.itemCount', {
                        n: order.items.reduce((sum, i) => sum + i.quantity, 0),
                      })}
                    </span>
                    <span className="phone-badges">
                      <span className="badge badge-info" data-testid="phone-order-status">
                        {orderStatusText(order.status, t)}
                      </span>
                      <span
                        className={paymentBadgeClass(order.payment_status)}
                        data-testid="phone-order-payment"
                      >
                        {paymentStatusText(order.payment_status, t)}
                      </span>
                    </span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
          {orders.data.pagination.total_pages > 1 && (
            <Pager
              pagination={orders.data.pagination}
              onPage={setPage}
              busy={orders.isPlaceholderData}
            />
          )}
        </>
      )}
    </section>
  );
}
