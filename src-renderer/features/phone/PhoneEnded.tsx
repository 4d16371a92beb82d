import type { SessionView } from '../../api/sessions.api.ts';
import { useI18n, type MessageKey } from '../../app/i18n/i18n.context.ts';
import { useStorePhoneSession } from './phone-cart.query.ts';

const MESSAGES: Record<string, MessageKey> = {
  completed: 'phone.ended.completed',
  abandoned: 'phone.ended.abandoned',
  expired: 'phone.ended.expired',
};

/** The session is over (paid, ended by staff, or idle too long); offer a new one. */
export function PhoneEnded({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const store = useStorePhoneSession();
  return (
    <section className="phone-card" data-testid="phone-ended">
      <h1 className="phone-title">{t('phone.endedTitle')}</h1>
      <p className="muted">{t(MESSAGES[session.status] ?? 'phone.ended.expired')}</p>
      <button
        type="button"
        className="btn btn-primary btn-block btn-lg"
        data-testid="phone-new-session"
        onClick={() => store(null)}
      >
        {t('phone.newSession')}
      </button>
    </section>
  );
}
