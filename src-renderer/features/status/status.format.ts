import type { Translate } from '../../app/i18n/i18n.context.ts';

const DURATION_UNITS = [
  { seconds: 86_400, key: 'duration.days' },
  { seconds: 3_600, key: 'duration.hours' },
  { seconds: 60, key: 'duration.minutes' },
  { seconds: 1, key: 'duration.seconds' },
] as const;

/** The two largest non-zero units: "2 ngày 3 giờ", "5m 12s", "0s". */
export function formatDuration(totalSeconds: number, t: Translate): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const unit of DURATION_UNITS) {
    const n = Math.floor(rest / unit.seconds);
    rest -= n * unit.seconds;
    if (n > 0 || parts.length > 0) parts.push(t(unit.key, { n }));
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : t('duration.seconds', { n: 0 });
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Binary multiples with the usual short names: 4096 → "4 KB". */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 });
  return `${number.format(value)} ${BYTE_UNITS[unit]}`;
}

export function formatClockTime(at: number | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(at));
}

export function formatDateTime(at: number | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(at),
  );
}
