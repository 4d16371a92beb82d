import type { StoreStatus } from '#shared/contracts/system';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { StatCard } from '../../components/StatCard.tsx';
import { formatBytes, formatDateTime, formatDuration } from './status.format.ts';

interface Props {
  status: StoreStatus;
  /** Only known inside the Electron app. */
  desktopVersion?: string;
}

export function StatusOverview({ status, desktopVersion }: Props) {
  const { t, locale } = useI18n();
  const { health, counts } = status;
  const ok = health.status === 'ok';

  return (
    <>
      <div className={`panel health-banner ${ok ? 'health-ok' : 'health-degraded'}`}>
        <span className="health-dot" aria-hidden="true" />
        <div>
          <h2 className="stat-label">{t('status.health')}</h2>
          <p className="health-line">
            <strong>{t(ok ? 'status.health.ok' : 'status.health.degraded')}</strong>
            <code className="health-code" data-testid="health-status">
              {health.status}
            </code>
          </p>
          <p className="muted">
            {t(
              health.database.reachable
                ? 'status.database.reachable'
                : 'status.database.unreachable',
            )}
          </p>
        </div>
      </div>

      <h2 className="section-title">{t('status.system')}</h2>
      <dl className="card-grid">
        <StatCard label={t('status.version')} value={status.version} testId="version" />
        {desktopVersion !== undefined && (
          <StatCard
            label={t('status.desktopVersion')}
            value={desktopVersion}
            testId="desktop-version"
          />
        )}
        <StatCard
          label={t('status.uptime')}
          value={formatDuration(status.uptime_seconds, t)}
          hint={t('status.startedAt', { time: formatDateTime(status.started_at, locale) })}
          testId="uptime"
        />
        <StatCard
          label={t('status.migrations')}
          value={`${health.migrations.applied}/${health.migrations.expected}`}
          hint={t(
            health.migrations.current ? 'status.migrations.current' : 'status.migrations.behind',
          )}
          tone={health.migrations.current ? 'good' : 'warn'}
          testId="migrations"
        />
        <StatCard
          label={t('status.databaseSize')}
          value={formatBytes(status.database_bytes, locale)}
          testId="database-size"
        />
      </dl>

      <h2 className="section-title">{t('status.catalog')}</h2>
      {/* Counts are plain digits (no grouping) so they read the same in both languages. */}
      <dl className="card-grid">
        <StatCard
          label={t('status.count.products')}
          value={counts.products}
          testId="count-products"
        />
        <StatCard
          label={t('status.count.variants')}
          value={counts.variants}
          testId="count-variants"
        />
        <StatCard
          label={t('status.count.categories')}
          value={counts.categories}
          testId="count-categories"
        />
        <StatCard label={t('status.count.users')} value={counts.users} testId="count-users" />
        <StatCard label={t('status.count.staff')} value={counts.staff} testId="count-staff" />
      </dl>
    </>
  );
}
