import type { OrderDetail, OrderItem } from '../../api/orders.api.ts';
import { useI18n, type MessageKey } from '../../app/i18n/i18n.context.ts';
import { formatDateTime } from '../../components/date-time.format.ts';
import { formatDong } from '../products/money.format.ts';

/** A prepared rental line's unit, under whichever name the server uses for it. */
const assetOf = (item: OrderItem) => item.inventory_asset_id ?? item.asset_id ?? null;
const conditionOf = (item: OrderItem) => item.condition_note ?? item.description ?? null;

interface Extra {
  key: MessageKey;
  amount: number;
  sign?: '−';
}

/** The lines, then the sums down to what the customer owes. */
export function OrderItemsTable({ order }: { order: OrderDetail }) {
  const { t, locale } = useI18n();
  const rental = order.type === 'rental';

  // Zero-valued extras are left out; the subtotal and the total always show.
  const lines: Extra[] = [
    { key: 'orders.discount', amount: order.discount ?? 0, sign: '−' },
    { key: 'orders.freight', amount: order.freight ?? 0 },
    { key: 'orders.tax', amount: order.tax_amt ?? 0 },
    { key: 'orders.deposit', amount: order.deposit ?? 0 },
  ];
  const extras = lines.filter((line) => line.amount > 0);

  return (
    <section className="order-section" aria-labelledby="order-items-title">
      <h3 id="order-items-title" className="section-title">
        {t('orders.items')}
      </h3>
      <div className="table-scroll">
        <table className="data-table order-items" data-testid="order-items">
          <thead>
            <tr>
              <th scope="col">{t('orders.col.product')}</th>
              <th scope="col" className="num">
                {t('orders.col.quantity')}
              </th>
              <th scope="col" className="num">
                {t('orders.col.unitPrice')}
              </th>
              <th scope="col" className="num">
                {t('orders.col.lineTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item, index) => (
              <tr key={item.order_item_id ?? item.id ?? index} data-testid="order-item">
                <td>
                  <div className="cell-title">{item.product_name}</div>
                  {rental && item.rental_days != null && (
                    <div className="muted small">
                      {t('orders.rentalDays', { n: item.rental_days })}
                    </div>
                  )}
                  {assetOf(item) && (
                    <div className="muted small" data-testid="order-item-asset">
                      {t('orders.assetLine', { asset: assetOf(item) ?? '' })}
                      {conditionOf(item) ? ` · ${conditionOf(item)}` : ''}
                    </div>
                  )}
                </td>
                <td className="num">{item.quantity}</td>
                <td className="num">{formatDong(item.unit_price)}</td>
                <td className="num">{formatDong(item.total_line)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <dl className="order-totals">
        <div>
          <dt>{t('orders.subtotal')}</dt>
          <dd data-testid="order-subtotal">{formatDong(order.subtotal)}</dd>
        </div>
        {extras.map((line) => (
          <div key={line.key}>
            <dt>{t(line.key)}</dt>
            <dd>
              {line.sign ?? ''}
              {formatDong(line.amount)}
            </dd>
          </div>
        ))}
        <div className="order-total-due">
          <dt>{t('orders.totalDue')}</dt>
          <dd data-testid="order-total-due">{formatDong(order.total_due)}</dd>
        </div>
      </dl>

      {rental && (order.rental_start || order.rental_end) && (
        <p className="muted small">
          {t('orders.rentalPeriod', {
            start: order.rental_start ? formatDateTime(order.rental_start, locale) : '—',
            end: order.rental_end ? formatDateTime(order.rental_end, locale) : '—',
          })}
        </p>
      )}
    </section>
  );
}
