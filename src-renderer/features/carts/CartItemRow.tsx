import type { SessionItem } from '../../api/sessions.api.ts';
import { ProductThumb } from '../../components/ProductThumb.tsx';
import { formatDong } from '../products/money.format.ts';

/** One line of a cart as staff see it: what, how many, at what price. */
export function CartItemRow({ item }: { item: SessionItem }) {
  return (
    <li className="cart-item" data-testid="cart-item" data-variant={item.variant_id}>
      <ProductThumb url={item.thumbnail} name={item.name} size={36} />
      <div className="cart-item-name">
        <div className="cell-title">{item.name}</div>
        <div className="sku">{[item.size, item.sku].filter(Boolean).join(' · ')}</div>
      </div>
      <div className="cart-item-qty" data-testid="cart-item-qty">
        {item.quantity} × {formatDong(item.unit_price)}
      </div>
      <div className="cart-item-subtotal">{formatDong(item.subtotal)}</div>
    </li>
  );
}
