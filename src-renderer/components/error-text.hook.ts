import { useI18n } from '../app/i18n/i18n.context.ts';
import { ApiError } from '../api/api-client.ts';

/** What to tell the user about a failed call: the server's `detail` when it sent one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.isNetworkError) return t('error.network');
      if (error.detail) return error.detail;
      return t('error.unexpected', { status: error.status });
    }
    return t('error.unexpected', { status: '?' });
  };
}
