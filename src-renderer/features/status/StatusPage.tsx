import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useErrorText } from '../../components/error-text.hook.ts';
import { formatClockTime } from './status.format.ts';
import { useDesktopVersion, useStoreStatus } from './status.query.ts';
import { StatusOverview } from './StatusOverview.tsx';

export function StatusPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const status = useStoreStatus();
  const desktopVersion = useDesktopVersion();

  return (
    <section className="page" data-testid="status-page" aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title">{t('status.title')}</h1>
        <div className="page-actions">
          {status.dataUpdatedAt > 0 && (
            <span className="muted small">
              {t('status.updatedAt', { time: formatClockTime(status.dataUpdatedAt, locale) })}
            </span>
          )}
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void status.refetch()}
            disabled={status.isFetching}
          >
            {t('status.refresh')}
          </button>
        </div>
      </div>

      {status.data ? (
        <>
          {status.isError && (
            <p className="notice notice-warn" role="status">
              {t('status.staleData')} {errorText(status.error)}
            </p>
          )}
          <StatusOverview status={status.data} desktopVersion={desktopVersion.data} />
        </>
      ) : status.isError ? (
        <div className="panel notice notice-error" role="alert">
          <p>
            <strong>{t('status.loadFailed')}</strong> {errorText(status.error)}
          </p>
          <button type="button" className="btn btn-secondary" onClick={() => void status.refetch()}>
            {t('status.retry')}
          </button>
        </div>
      ) : (
        <p className="panel muted" role="status">
          {t('status.loading')}
        </p>
      )}
    </section>
  );
}
