import type { RentalSettings } from '../../api/settings.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { POLICY_LABELS } from './rental-settings.model.ts';

/** What the server has stored now: the form's edits show here only once they are saved. */
export function RentalSettingsSummary({ settings: s }: { settings: RentalSettings }) {
  const { t, locale } = useI18n();
  const percent = (n: number) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n)}%`;

  return (
    <aside className="panel" aria-labelledby="rental-summary-title" data-testid="rental-summary">
      <h2 id="rental-summary-title" className="panel-title">
        {t('rentalSettings.saved')}
      </h2>
      <dl className="order-facts">
        <dt>{t('rentalSettings.duration')}</dt>
        <dd data-testid="rental-summary-days">
          {t('rentalSettings.daysRange', {
            min: s.duration_limits.min_days,
            max: s.duration_limits.max_days,
          })}
        </dd>
        <dt>{t('rentalSettings.depositRate')}</dt>
        <dd data-testid="rental-summary-deposit">{percent(s.deposit.default_rate)}</dd>
        <dt>{t('rentalSettings.overdueFeeRate')}</dt>
        <dd data-testid="rental-summary-overdue">{percent(s.penalty.overdue_fee_rate)}</dd>
        <dt>{t('rentalSettings.cancellationPolicy')}</dt>
        <dd data-testid="rental-summary-policy">
          {t(POLICY_LABELS[s.penalty.cancellation_policy])}
        </dd>
        <dt>{t('rentalSettings.rentToOwn')}</dt>
        <dd data-testid="rental-summary-rent-to-own">
          {s.rent_to_own.enabled
            ? t('rentalSettings.rentToOwnOn', { rate: percent(s.rent_to_own.rent_deduction) })
            : t('rentalSettings.rentToOwnOff')}
        </dd>
      </dl>
    </aside>
  );
}
