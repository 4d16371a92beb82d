import { useI18n } from '../../app/i18n/i18n.context.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RentalSettingsForm } from './RentalSettingsForm.tsx';
import { RentalSettingsSummary } from './RentalSettingsSummary.tsx';
import { useRentalSettings } from './settings.query.ts';

/** Store settings; for now the rental rules (seed 002 `/admin/settings/rental`). */
export function SettingsPage() {
  const { t } = useI18n();
  const settings = useRentalSettings();

  return (
    <section className="page" data-testid="settings-page" aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title">{t('settings.title')}</h1>
      </div>
      {settings.data ? (
        <div className="split-layout">
          {/* Rebuilt from each saved answer, so the form always starts from what is stored. */}
          <RentalSettingsForm key={settings.dataUpdatedAt} settings={settings.data} />
          <RentalSettingsSummary settings={settings.data} />
        </div>
      ) : settings.isError ? (
        <LoadError
          title={t('rentalSettings.loadFailed')}
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <p className="panel muted" role="status">
          {t('common.loading')}
        </p>
      )}
    </section>
  );
}
