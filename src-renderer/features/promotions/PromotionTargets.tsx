import { useQueries } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useApi } from '../../api/api.context.ts';
import { getProduct } from '../../api/products.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useDebouncedValue } from '../../components/debounced-value.hook.ts';
import { useCategories } from '../categories/categories.query.ts';
import { useProductList } from '../products/products.query.ts';

const PRODUCT_RESULTS = 8;

interface Props {
  ranks: string;
  categoryIds: number[];
  productIds: number[];
  onRanks(value: string): void;
  onCategories(ids: number[]): void;
  onProducts(ids: number[]): void;
  /** The form's invalid-field attributes for an input named by its body path. */
  invalid(name: string): Record<string, unknown>;
}

const toggle = (ids: number[], id: number, on: boolean) =>
  on ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((x) => x !== id);

/**
 * Who and what the promotion is for: customer ranks, and optionally some categories or
 * products (none of either: the whole order).
 */
export function PromotionTargets(props: Props) {
  const { ranks, categoryIds, productIds, onRanks, onCategories, onProducts, invalid } = props;
  const { t } = useI18n();
  const uid = useId();
  const categories = useCategories();

  return (
    <fieldset className="panel fieldset">
      <legend className="panel-title">{t('promotionForm.targets')}</legend>
      <div className="form-grid">
        <div className="field field-wide">
          <label htmlFor={`${uid}-ranks`}>{t('promotionForm.ranks')}</label>
          <input
            id={`${uid}-ranks`}
            data-testid="promotion-ranks"
            autoComplete="off"
            placeholder="Gold, Diamond"
            value={ranks}
            onChange={(e) => onRanks(e.target.value)}
            {...invalid('target_ranks')}
          />
          <span className="field-hint">{t('promotionForm.ranksHint')}</span>
        </div>

        <fieldset className="field target-group" {...invalid('category_ids')}>
          <legend>{t('promotionForm.categories')}</legend>
          {!categories.data ? (
            <p className="muted small">{t('common.loading')}</p>
          ) : (
            <ul className="check-list" data-testid="promotion-categories">
              {categories.data.map((c) => (
                <li key={c.id}>
                  <label className="check-option">
                    <input
                      type="checkbox"
                      checked={categoryIds.includes(c.id)}
                      onChange={(e) => onCategories(toggle(categoryIds, c.id, e.target.checked))}
                    />
                    {c.name}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <ProductTargets ids={productIds} onChange={onProducts} invalid={invalid('product_ids')} />
        <p className="field-hint field-wide">{t('promotionForm.targetsHint')}</p>
      </div>
    </fieldset>
  );
}

interface ProductTargetsProps {
  ids: number[];
  onChange(ids: number[]): void;
  invalid: Record<string, unknown>;
}

/** Products found by name or SKU, ticked on and off; the chosen ones stay listed above. */
function ProductTargets({ ids, onChange, invalid }: ProductTargetsProps) {
  const { t } = useI18n();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const products = useProductList({ page: 1, limit: PRODUCT_RESULTS, search: term || undefined });
  const api = useApi();
  // A promotion being edited names its products only by id; their names are looked up (and
  // shared with the product editor's cache under the same key).
  const details = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['admin-products', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => getProduct(api, id, { signal }),
      staleTime: 60_000,
    })),
  });
  const nameOf = (id: number) =>
    details.find((d) => d.data?.id === id)?.data?.name ??
    products.data?.items.find((p) => p.id === id)?.name ??
    `#${id}`;

  return (
    <fieldset className="field target-group" {...invalid}>
      <legend>{t('promotionForm.products')}</legend>
      {ids.length > 0 && (
        <ul className="chip-list" data-testid="promotion-products-chosen">
          {ids.map((id) => (
            <li key={id} className="chip">
              {nameOf(id)}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('promotionForm.removeProduct', { name: nameOf(id) })}
                onClick={() => onChange(ids.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={searchId} className="visually-hidden">
        {t('promotionForm.findProduct')}
      </label>
      <input
        id={searchId}
        type="search"
        className="search-input"
        data-testid="promotion-product-search"
        placeholder={t('products.searchPlaceholder')}
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {products.data && (
        <ul className="check-list" data-testid="promotion-products">
          {products.data.items.map((p) => (
            <li key={p.id}>
              <label className="check-option">
                <input
                  type="checkbox"
                  checked={ids.includes(p.id)}
                  onChange={(e) => onChange(toggle(ids, p.id, e.target.checked))}
                />
                {p.name}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
