import { useI18n } from '../../app/i18n/i18n.context.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { usePhoneSession } from './phone-cart.query.ts';
import { PhoneCart } from './PhoneCart.tsx';
import { PhoneScan } from './PhoneScan.tsx';

/** Signed in: straight to the open session if there is one, otherwise to the QR scan. */
export function PhoneHome({ token }: { token: string }) {
  const { t } = useI18n();
  const current = usePhoneSession();

  if (current.isError && current.data === undefined) {
    return (
      <LoadError
        title={t('phone.loadFailed')}
        error={current.error}
        onRetry={() => void current.refetch()}
      />
    );
  }
  if (current.data === undefined) {
    return (
      <p className="phone-card muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return current.data ? <PhoneCart token={token} session={current.data} /> : <PhoneScan />;
}
