import type { SessionItem } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { ProductThumb } from '../../components/ProductThumb.tsx';
import { formatDong } from '../products/money.format.ts';

interface Props {
  item: SessionItem;
  /** Absent once the cart is locked for checkout. */
  onRemoveOne?(): void;
  busy?: boolean;
}

export function PhoneItem({ item, onRemoveOne, busy }: Props) {
  const { t } = useI18n();
  return (
    <li className="phone-item" data-testid="phone-item" data-variant={item.variant_id}>
      <ProductThumb url={item.thumbnail} name={item.name} size={52} />
      <div className="phone-item-body">
        <div className="phone-item-name">{item.name}</div>
        <div className="muted small">
          {[item.size, formatDong(item.unit_price)].filter(Boolean).join(' · ')}
        </div>
        <div className="phone-item-foot">
          <span className="phone-qty" data-testid="phone-item-qty">
            {t('phone.qty', { n: item.quantity })}
          </span>
          <strong className="phone-item-subtotal">{formatDong(item.subtotal)}</strong>
        </div>
      </div>
      {onRemoveOne && (
        <button
          type="button"
          className="btn btn-secondary btn-icon phone-remove"
          data-testid="phone-remove"
          aria-label={t('phone.removeOne', { name: item.name })}
          title={t('phone.removeOne', { name: item.name })}
          disabled={busy}
          onClick={onRemoveOne}
        >
          −
        </button>
      )}
    </li>
  );
}
