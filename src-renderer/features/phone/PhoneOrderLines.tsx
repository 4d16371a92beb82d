import { useI18n } from '../../app/i18n/i18n.context.ts';
import { formatDong } from '../products/money.format.ts';

interface Line {
  name: string;
  quantity: number;
  lineTotal: number;
}

interface Props {
  lines: Line[];
  subtotal: number;
  discount: number;
  total: number;
  /** The discount is the phone's estimate; the server sets the real one with the order. */
  estimated?: boolean;
  voucherCode?: string | null;
}

/** An order's lines and totals, as on a receipt: compact, amounts aligned on the right. */
export function PhoneOrderLines({
  lines,
  subtotal,
  discount,
  total,
  estimated,
  voucherCode,
}: Props) {
  const { t } = useI18n();
  return (
    <div className="phone-order-lines">
      <ul className="phone-lines" aria-label={t('carts.items')}>
        {lines.map((line, index) => (
          <li key={index} className="phone-line" data-testid="phone-order-line">
            <span className="phone-line-name">
              <span className="phone-line-qty">{line.quantity} ×</span> {line.name}
            </span>
            <span className="phone-line-amount">{formatDong(line.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl className="phone-sums">
        <div>
          <dt>{t('phoneCheckout.subtotal')}</dt>
          <dd data-testid="phone-order-subtotal">{formatDong(subtotal)}</dd>
        </div>
        {discount > 0 && (
          <div className="phone-sums-discount">
            <dt>
              {estimated ? t('phoneCheckout.discountEstimated') : t('phoneCheckout.discount')}
              {voucherCode ? ` (${voucherCode})` : ''}
            </dt>
            <dd data-testid="phone-order-discount">−{formatDong(discount)}</dd>
          </div>
        )}
        <div className="phone-sums-total">
          <dt>{t('phoneCheckout.total')}</dt>
          <dd data-testid="phone-order-total">{formatDong(total)}</dd>
        </div>
      </dl>
    </div>
  );
}
