import type { ProductRow as Product } from '../../api/products.api.ts';
import { useI18n, type MessageKey } from '../../app/i18n/i18n.context.ts';
import { ProductThumb } from '../../components/ProductThumb.tsx';
import { formatDong } from './money.format.ts';

/** The server's stock labels (fixed English strings), translated and colour-coded. */
const STATUS: Record<string, { key: MessageKey; tone: string }> = {
  'In Stock': { key: 'products.status.inStock', tone: 'good' },
  'Low Stock': { key: 'products.status.lowStock', tone: 'warn' },
  'Out of Stock': { key: 'products.status.outOfStock', tone: 'error' },
};

interface Props {
  product: Product;
  onEdit(): void;
  onDelete(): void;
}

export function ProductRow({ product, onEdit, onDelete }: Props) {
  const { t } = useI18n();
  const status = STATUS[product.status_label];
  const { available_stock: available, total_stock: total } = product.stock;

  return (
    <tr data-testid="product-row">
      <td>
        <div className="product-cell">
          <ProductThumb url={product.image_url} name={product.name} />
          <span className="cell-title" data-testid="product-name-cell">
            {product.name}
          </span>
        </div>
      </td>
      <td>
        <code className="sku">{product.product_number}</code>
      </td>
      <td>{product.category_name}</td>
      <td className="num" data-testid="product-price">
        {formatDong(product.prices.list_price)}
      </td>
      <td className="num" data-testid="product-stock">
        <span title={t('products.stockHint')}>
          {available} / {total}
        </span>
      </td>
      <td>
        <span className={`badge badge-${status?.tone ?? 'info'}`}>
          {status ? t(status.key) : product.status_label}
        </span>
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid="product-edit"
          aria-label={t('common.editNamed', { name: product.name })}
          onClick={onEdit}
        >
          {t('common.edit')}
        </button>
        <button
          type="button"
          className="btn btn-danger-ghost btn-sm"
          data-testid="product-delete"
          aria-label={t('common.deleteNamed', { name: product.name })}
          onClick={onDelete}
        >
          {t('common.delete')}
        </button>
      </td>
    </tr>
  );
}
