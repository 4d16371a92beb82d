import { useI18n } from '../../app/i18n/i18n.context.ts';
import { PHONE_HREF, PHONE_ORDERS_HREF, type PhoneRoute } from './phone-routes.ts';

/** Shopping and my orders: the two places a signed-in shopper moves between. */
export function PhoneTabs({ route }: { route: PhoneRoute }) {
  const { t } = useI18n();
  const inOrders = route.page !== 'shop';
  return (
    <nav className="phone-tabs" aria-label={t('phoneOrders.tabsLabel')}>
      <a
        className="phone-tab"
        href={PHONE_HREF}
        data-testid="phone-tab-shop"
        aria-current={inOrders ? undefined : 'page'}
      >
        {t('phoneOrders.tabShop')}
      </a>
      <a
        className="phone-tab"
        href={PHONE_ORDERS_HREF}
        data-testid="phone-tab-orders"
        aria-current={inOrders ? 'page' : undefined}
      >
        {t('phoneOrders.tabOrders')}
      </a>
    </nav>
  );
}
