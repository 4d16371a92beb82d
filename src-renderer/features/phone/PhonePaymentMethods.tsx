import type { OnlineMethod, PaymentMethod, PaymentMethodState } from '../../api/payments.api.ts';
import { useI18n, type MessageKey } from '../../app/i18n/i18n.context.ts';

export const METHOD_LABELS: Record<PaymentMethod, MessageKey> = {
  cash: 'payMethod.cash',
  payos: 'payMethod.payos',
  vnpay: 'payMethod.vnpay',
  momo: 'payMethod.momo',
};

const METHOD_HINTS: Record<PaymentMethod, MessageKey> = {
  cash: 'payMethod.cashHint',
  payos: 'payMethod.payosHint',
  vnpay: 'payMethod.vnpayHint',
  momo: 'payMethod.momoHint',
};

const METHOD_GLYPHS: Record<PaymentMethod, string> = {
  cash: '₫',
  payos: 'QR',
  vnpay: 'VN',
  momo: 'M',
};

interface Props {
  methods: PaymentMethodState[];
  /** The method being started, while its link is made. */
  starting: PaymentMethod | null;
  cashChosen: boolean;
  onCash(): void;
  onOnline(method: OnlineMethod): void;
}

/**
 * Ways to pay. Cash at the counter is always offered (it needs no gateway); an online method
 * the store cannot use now stays listed but greyed, with the reason, so nobody hunts for it.
 */
export function PhonePaymentMethods({ methods, starting, cashChosen, onCash, onOnline }: Props) {
  const { t } = useI18n();
  const list: PaymentMethodState[] = methods.some((m) => m.method === 'cash')
    ? methods
    : [{ method: 'cash', available: true, reason: null }, ...methods];

  const reasonText = (reason: string | null) =>
    reason === 'not_configured'
      ? t('payMethod.notConfigured')
      : reason
        ? t('payMethod.unavailableReason', { reason })
        : t('payMethod.unavailable');

  return (
    <ul className="phone-methods" aria-label={t('phoneCheckout.methodsTitle')}>
      {list.map(({ method, available, reason }) => {
        const usable = method === 'cash' || available;
        const busy = starting === method;
        return (
          <li key={method}>
            <button
              type="button"
              className="phone-method"
              data-testid="phone-method"
              data-method={method}
              aria-pressed={method === 'cash' ? cashChosen : undefined}
              disabled={!usable || starting !== null}
              onClick={() => (method === 'cash' ? onCash() : onOnline(method))}
            >
              <span className={`phone-method-icon phone-method-${method}`} aria-hidden="true">
                {METHOD_GLYPHS[method]}
              </span>
              <span className="phone-method-body">
                <strong>{t(METHOD_LABELS[method])}</strong>
                <span className="muted small">
                  {busy
                    ? t('phoneCheckout.startingPayment')
                    : usable
                      ? t(METHOD_HINTS[method])
                      : reasonText(reason)}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
