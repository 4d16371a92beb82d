import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useSessionOrder } from './phone-checkout.query.ts';
import { PhonePay } from './PhonePay.tsx';
import { PhoneReview } from './PhoneReview.tsx';

interface Props {
  session: SessionView;
  /** The shopper came here from the cart (rather than opening the app on a locked cart). */
  reviewing: boolean;
  onBack(): void;
}

/** Checkout, in two steps: review and place the order, then pay it. */
export function PhoneCheckout({ session, reviewing, onBack }: Props) {
  const { t } = useI18n();
  const order = useSessionOrder(session);
  const locked = session.status === 'checkout';

  // Placing the order puts it here before the session's view turns to `checkout`.
  if (order.data) return <PhonePay order={order.data} cartCode={session.cart_code} />;
  if (locked && order.isError) {
    return (
      <LoadError
        title={t('phoneCheckout.orderLoadFailed')}
        error={order.error}
        onRetry={() => void order.refetch()}
      />
    );
  }
  // A refused voucher locks the cart without an order: the review stays as it was (with the
  // server's reason) while the phone checks for an order, rather than blinking to a spinner.
  if (locked && order.isPending && !reviewing) {
    return (
      <p className="phone-card muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return (
    <PhoneReview
      session={session}
      checking={locked && order.isPending}
      onBack={locked ? undefined : onBack}
    />
  );
}
