import type { CategoryRow as Category } from '../../api/categories.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';

interface Props {
  category: Category;
  selected: boolean;
  onRename(): void;
  onDelete(): void;
}

export function CategoryRow({ category, selected, onRename, onDelete }: Props) {
  const { t } = useI18n();
  return (
    <tr data-testid="category-row" className={selected ? 'is-selected' : undefined}>
      <td>
        <div className="cell-title">{category.name}</div>
        <div className="muted small">{category.slug}</div>
      </td>
      <td className="num" data-testid="category-count">
        {category.product_count}
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid="category-rename"
          aria-label={t('categories.renameNamed', { name: category.name })}
          onClick={onRename}
        >
          {t('categories.rename')}
        </button>
        <button
          type="button"
          className="btn btn-danger-ghost btn-sm"
          data-testid="category-delete"
          aria-label={t('common.deleteNamed', { name: category.name })}
          onClick={onDelete}
        >
          {t('common.delete')}
        </button>
      </td>
    </tr>
  );
}
