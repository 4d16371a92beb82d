import { useState } from 'react';
import type { CategoryRow as Category } from '../../api/categories.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useErrorText } from '../../components/error-text.hook.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useCategories, useDeleteCategory } from './categories.query.ts';
import { CategoryEditor } from './CategoryEditor.tsx';
import { CategoryRow } from './CategoryRow.tsx';

export function CategoriesPage() {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const categories = useCategories();
  const remove = useDeleteCategory();
  const [editing, setEditing] = useState<Category | null>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);

  async function confirmDelete(category: Category) {
    try {
      await remove.mutateAsync(category.id);
      toast.show(t('categories.deleted', { name: category.name }));
      if (editing?.id === category.id) setEditing(null);
    } catch (error) {
      // The server refuses while products remain, and says how many.
      toast.show(errorText(error), 'error');
    } finally {
      setDeleting(null);
    }
  }

  return (
    <section className="page" data-testid="categories-page" aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title">{t('categories.title')}</h1>
        {categories.data && (
          <span className="muted">{t('categories.count', { n: categories.data.length })}</span>
        )}
      </div>

      <div className="split-layout">
        <div className="panel panel-flush">
          {categories.isError && !categories.data ? (
            <LoadError
              title={t('categories.loadFailed')}
              error={categories.error}
              onRetry={() => void categories.refetch()}
            />
          ) : !categories.data ? (
            <p className="empty-state muted" role="status">
              {t('common.loading')}
            </p>
          ) : categories.data.length === 0 ? (
            <p className="empty-state muted">{t('categories.empty')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('categories.name')}</th>
                  <th scope="col" className="num">
                    {t('categories.products')}
                  </th>
                  <th scope="col" className="row-actions">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {categories.data.map((category) => (
                  <CategoryRow
                    key={category.id}
                    category={category}
                    selected={editing?.id === category.id}
                    onRename={() => setEditing(category)}
                    onDelete={() => setDeleting(category)}
                  />
                ))}
              </tbody>
            </table>
          )}
        </div>

        <CategoryEditor
          key={editing?.id ?? 'new'}
          editing={editing}
          onDone={() => setEditing(null)}
        />
      </div>

      {deleting && (
        <ConfirmDialog
          title={t('categories.deleteTitle')}
          confirmLabel={t('common.delete')}
          busy={remove.isPending}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('categories.deleteBody', { name: deleting.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
