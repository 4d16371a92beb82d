import type { SessionException } from '../../api/sessions.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { exceptionTitle } from '../carts/exception-text.ts';

/**
 * What the shopper sees of an open exception: no accusation and no measurements, only that
 * a staff member is coming and why checkout waits.
 */
export function PhoneExceptionNotice({ exceptions }: { exceptions: SessionException[] }) {
  const { t } = useI18n();
  if (exceptions.length === 0) return null;
  return (
    <div className="phone-exception" role="alert" data-testid="phone-exception">
      <span className="phone-exception-icon" aria-hidden="true">
        !
      </span>
      <div>
        <strong>{t('phone.exceptionTitle')}</strong>
        <p className="small">{t('phone.exceptionBody')}</p>
        <ul className="phone-exception-list small">
          {exceptions.map((e) => (
            <li key={e.id}>{exceptionTitle(e, t)}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
