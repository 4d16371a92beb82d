/**
 * The store is in Vietnam and the backend keeps UTC instants, so times are shown in the
 * store's zone whatever the machine's clock is set to.
 */
export const STORE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function formatDateTime(at: string, locale: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: STORE_TIME_ZONE,
  }).format(date);
}
