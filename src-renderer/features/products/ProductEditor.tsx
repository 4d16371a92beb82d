import { useI18n } from '../../app/i18n/i18n.context.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ProductForm } from './ProductForm.tsx';
import { useProductDetail } from './products.query.ts';

interface Props {
  /** The product to edit; null for a new one. */
  id: number | null;
  onClose(): void;
}

/** The form's page: a new product's blank form, or an existing one's once it has loaded. */
export function ProductEditor({ id, onClose }: Props) {
  const { t } = useI18n();
  const detail = useProductDetail(id);

  let body;
  if (id === null) body = <ProductForm detail={null} onDone={onClose} />;
  else if (detail.data) body = <ProductForm detail={detail.data} onDone={onClose} />;
  else if (detail.isError) {
    body = (
      <LoadError
        title={t('products.loadOneFailed')}
        error={detail.error}
        onRetry={() => void detail.refetch()}
      />
    );
  } else {
    body = (
      <p className="panel muted" role="status">
        {t('common.loading')}
      </p>
    );
  }

  return (
    <>
      <div className="page-header">
        <div className="page-heading">
          <button type="button" className="btn btn-link" onClick={onClose}>
            ← {t('products.backToList')}
          </button>
          <h1 id="page-title">{id === null ? t('products.newTitle') : t('products.editTitle')}</h1>
        </div>
      </div>
      {body}
    </>
  );
}
