import { useId, useState } from 'react';
import type { ProductRow as Product } from '../../api/products.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useDebouncedValue } from '../../components/debounced-value.hook.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ProductRow } from './ProductRow.tsx';
import { useDeleteProduct, useProductList } from './products.query.ts';

const PAGE_SIZE = 10;
const SEARCH_DELAY_MS = 300;

interface Props {
  search: string;
  page: number;
  onSearch(text: string): void;
  onPage(page: number): void;
  onNew(): void;
  onEdit(id: number): void;
}

export function ProductList({ search, page, onSearch, onPage, onNew, onEdit }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const searchId = useId();
  const term = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const products = useProductList({ page, limit: PAGE_SIZE, search: term || undefined });
  const remove = useDeleteProduct();
  const [deleting, setDeleting] = useState<Product | null>(null);
  const data = products.data;

  async function confirmDelete(product: Product) {
    try {
      // The server's message says whether it was deleted or only deactivated (it had sales).
      toast.show(await remove.mutateAsync(product.id));
      if (data && data.items.length === 1 && page > 1) onPage(page - 1);
    } catch (error) {
      toast.show(errorText(error), 'error');
    } finally {
      setDeleting(null);
    }
  }

  return (
    <>
      <div className="page-header">
        <h1 id="page-title">{t('products.title')}</h1>
        <button type="button" className="btn btn-primary" data-testid="product-new" onClick={onNew}>
          {t('products.new')}
        </button>
      </div>

      <div className="toolbar">
        <label htmlFor={searchId} className="visually-hidden">
          {t('products.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="search-input"
          data-testid="product-search"
          placeholder={t('products.searchPlaceholder')}
          autoComplete="off"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
        />
        {products.isFetching && (
          <span className="muted small" role="status">
            {t('common.loading')}
          </span>
        )}
      </div>

      {products.isError && !data ? (
        <LoadError
          title={t('products.loadFailed')}
          error={products.error}
          onRetry={() => void products.refetch()}
        />
      ) : (
        <div className="panel panel-flush">
          {!data ? (
            <p className="empty-state muted">{t('common.loading')}</p>
          ) : data.items.length === 0 ? (
            <p className="empty-state muted" data-testid="products-empty">
              {term ? t('products.noMatch', { term }) : t('products.empty')}
            </p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-busy={products.isFetching}>
                <thead>
                  <tr>
                    <th scope="col">{t('products.col.product')}</th>
                    <th scope="col">{t('products.col.sku')}</th>
                    <th scope="col">{t('products.col.category')}</th>
                    <th scope="col" className="num">
                      {t('products.col.price')}
                    </th>
                    <th scope="col" className="num">
                      {t('products.col.stock')}
                    </th>
                    <th scope="col">{t('products.col.status')}</th>
                    <th scope="col" className="row-actions">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((product) => (
                    <ProductRow
                      key={product.id}
                      product={product}
                      onEdit={() => onEdit(product.id)}
                      onDelete={() => setDeleting(product)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data && data.items.length > 0 && (
            <Pager pagination={data.pagination} onPage={onPage} busy={products.isFetching} />
          )}
        </div>
      )}

      {deleting && (
        <ConfirmDialog
          title={t('products.deleteTitle')}
          confirmLabel={t('common.delete')}
          busy={remove.isPending}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('products.deleteBody', { name: deleting.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
