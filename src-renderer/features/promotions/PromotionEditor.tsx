import { useI18n } from '../../app/i18n/i18n.context.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PromotionForm } from './PromotionForm.tsx';
import { usePromotionDetail } from './promotions.query.ts';

interface Props {
  /** The promotion to edit; null for a new one. */
  id: number | null;
  onClose(): void;
}

/** The form's page: a new promotion's blank form, or an existing one's once it has loaded. */
export function PromotionEditor({ id, onClose }: Props) {
  const { t } = useI18n();
  const detail = usePromotionDetail(id);

  let body;
  if (id === null) body = <PromotionForm promotion={null} onDone={onClose} />;
  else if (detail.data) body = <PromotionForm promotion={detail.data} onDone={onClose} />;
  else if (detail.isError) {
    body = (
      <LoadError
        title={t('promotions.loadOneFailed')}
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
            ← {t('promotions.backToList')}
          </button>
          <h1 id="page-title">
            {id === null ? t('promotions.newTitle') : t('promotions.editTitle')}
          </h1>
        </div>
      </div>
      {body}
    </>
  );
}
