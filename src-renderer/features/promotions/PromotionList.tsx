import { useState } from 'react';
import type { Promotion } from '../../api/promotions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useErrorText } from '../../components/error-text.hook.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { Pager } from '../../components/Pager.tsx';
import { PromotionRow } from './PromotionRow.tsx';
import { useDeletePromotion, usePromotionList } from './promotions.query.ts';

const PAGE_SIZE = 10;

interface Props {
  page: number;
  onPage(page: number): void;
  onNew(): void;
  onEdit(id: number): void;
}

export function PromotionList({ page, onPage, onNew, onEdit }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const promotions = usePromotionList({ page, limit: PAGE_SIZE });
  const remove = useDeletePromotion();
  const [deleting, setDeleting] = useState<Promotion | null>(null);
  const data = promotions.data;
  // One "now" per answer, so every row's running/ended badge is judged at the same moment.
  const now = promotions.dataUpdatedAt;

  async function confirmDelete(promotion: Promotion) {
    try {
      // The server's message says whether it was deleted or only deactivated (it was used).
      toast.show(await remove.mutateAsync(promotion.id));
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
        <h1 id="page-title">{t('promotions.title')}</h1>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="promotion-new"
          onClick={onNew}
        >
          {t('promotions.new')}
        </button>
      </div>

      {promotions.isError && !data ? (
        <LoadError
          title={t('promotions.loadFailed')}
          error={promotions.error}
          onRetry={() => void promotions.refetch()}
        />
      ) : (
        <div className="panel panel-flush">
          {!data ? (
            <p className="empty-state muted">{t('common.loading')}</p>
          ) : data.items.length === 0 ? (
            <p className="empty-state muted" data-testid="promotions-empty">
              {t('promotions.empty')}
            </p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-busy={promotions.isFetching}>
                <thead>
                  <tr>
                    <th scope="col">{t('promotions.col.promotion')}</th>
                    <th scope="col">{t('promotions.col.scope')}</th>
                    <th scope="col" className="num">
                      {t('promotions.col.discount')}
                    </th>
                    <th scope="col" className="num">
                      {t('promotions.col.minOrder')}
                    </th>
                    <th scope="col">{t('promotions.col.period')}</th>
                    <th scope="col" className="num">
                      {t('promotions.col.usage')}
                    </th>
                    <th scope="col">{t('promotions.col.state')}</th>
                    <th scope="col" className="row-actions">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((promotion) => (
                    <PromotionRow
                      key={promotion.id}
                      promotion={promotion}
                      now={now}
                      onEdit={() => onEdit(promotion.id)}
                      onDelete={() => setDeleting(promotion)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data && data.items.length > 0 && (
            <Pager pagination={data.pagination} onPage={onPage} busy={promotions.isFetching} />
          )}
        </div>
      )}

      {deleting && (
        <ConfirmDialog
          title={t('promotions.deleteTitle')}
          confirmLabel={t('common.delete')}
          busy={remove.isPending}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('promotions.deleteBody', { name: deleting.name, code: deleting.code })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
