import { useI18n, type MessageKey } from '../app/i18n/i18n.context.ts';

/** Stands in for a page that is not built yet. */
export function ComingSoonPanel({ label }: { label: MessageKey }) {
  const { t } = useI18n();
  const title = t(label);
  return (
    <section className="page" aria-labelledby="page-title" data-testid="coming-soon">
      <div className="page-header">
        <h1 id="page-title">{title}</h1>
      </div>
      <div className="panel coming-soon">
        <span className="badge badge-info">{t('comingSoon.badge')}</span>
        <p>{t('comingSoon.body', { page: title })}</p>
      </div>
    </section>
  );
}
