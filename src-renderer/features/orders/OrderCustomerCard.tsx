import type { OrderDetail } from '../../api/orders.api.ts';
import { useI18n, type MessageKey } from '../../app/i18n/i18n.context.ts';

const PAYMENT_STATUSES: Record<string, MessageKey> = {
  unpaid: 'orders.paymentStatus.unpaid',
  paid: 'orders.paymentStatus.paid',
  refunded: 'orders.paymentStatus.refunded',
};

interface Props {
  order: OrderDetail;
  /** The list's customer name, for a detail that does not carry the customer itself. */
  fallbackName: string;
}

/** Who the order is for and where it goes. */
export function OrderCustomerCard({ order, fallbackName }: Props) {
  const { t } = useI18n();
  const customer = order.customer;
  const address = order.shipping_address;
  const phone = customer?.phone ?? address?.phone_number;
  const paymentKey = order.payment_status ? PAYMENT_STATUSES[order.payment_status] : undefined;
  const payment = paymentKey ? t(paymentKey) : order.payment_status;
  const place = [address?.address_line1, address?.city, address?.postal_code]
    .filter(Boolean)
    .join(', ');

  return (
    <section className="order-section" aria-labelledby="order-customer-title">
      <h3 id="order-customer-title" className="section-title">
        {t('orders.customer')}
      </h3>
      <dl className="order-facts">
        <dt>{t('orders.customerName')}</dt>
        <dd data-testid="order-customer-name">{customer?.name || fallbackName || '—'}</dd>
        {customer?.email && (
          <>
            <dt>{t('orders.email')}</dt>
            <dd>{customer.email}</dd>
          </>
        )}
        {phone && (
          <>
            <dt>{t('orders.phone')}</dt>
            <dd>{phone}</dd>
          </>
        )}
        {place && (
          <>
            <dt>{t('orders.address')}</dt>
            <dd>{place}</dd>
          </>
        )}
        {order.payment_method && (
          <>
            <dt>{t('orders.payment')}</dt>
            <dd>
              {order.payment_method.toUpperCase()}
              {payment ? ` · ${payment}` : ''}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
