import { useId, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useDebouncedValue } from '../../components/debounced-value.hook.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { ProductThumb } from '../../components/ProductThumb.tsx';
import { useProductList } from '../products/products.query.ts';

export interface PickedProduct {
  id: number;
  name: string;
}

interface Props {
  selectedId: number | null;
  onPick(product: PickedProduct): void;
}

const RESULT_LIMIT = 8;

/** Finds a product by name or SKU; the newest ones are offered before anything is typed. */
export function ProductPicker({ selectedId, onPick }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const products = useProductList({ page: 1, limit: RESULT_LIMIT, search: term || undefined });
  const items = products.data?.items;

  return (
    <div className="panel picker">
      <label htmlFor={searchId} className="panel-title">
        {t('reviews.pickProduct')}
      </label>
      <input
        id={searchId}
        type="search"
        className="search-input"
        data-testid="review-product-search"
        placeholder={t('products.searchPlaceholder')}
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {products.isError && !items ? (
        <p className="notice notice-error" role="alert">
          {errorText(products.error)}
        </p>
      ) : !items ? (
        <p className="muted small">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted small">{t('products.noMatch', { term })}</p>
      ) : (
        <ul className="picker-list" aria-busy={products.isFetching}>
          {items.map((product) => (
            <li key={product.id}>
              <button
                type="button"
                className="picker-option"
                data-testid="review-product-option"
                aria-pressed={product.id === selectedId}
                onClick={() => onPick({ id: product.id, name: product.name })}
              >
                <ProductThumb url={product.image_url} name={product.name} size={32} />
                <span>
                  <span className="picker-name">{product.name}</span>
                  <span className="muted small">{product.product_number}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
