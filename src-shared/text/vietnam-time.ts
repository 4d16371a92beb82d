// Seed 002 writes dates as Vietnam wall-clock time without a zone ("2024-06-01T00:00:00").
// Vietnam is UTC+7 all year (no daylight saving), so the conversion is a fixed offset.

const OFFSET_MS = 7 * 60 * 60 * 1000;
const ZONED = /(Z|[+-]\d{2}:\d{2})$/i;

/** True when the text's calendar date exists (Date.parse rolls 30 February into March). */
function realDate(text: string): boolean {
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!ymd) return true; // not a calendar date at the start: Date.parse decides
  const [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && month >= 1 && month <= 12;
}

/**
 * Milliseconds since the epoch for a date as seed 002 sends it (zone-less means Vietnam
 * time); NaN for text that is not a real date.
 */
export const parseVietnamTime = (text: string): number =>
  realDate(text) ? Date.parse(ZONED.test(text) ? text : `${text}+07:00`) : Number.NaN;

/** An instant written the way seed 002 shows dates: Vietnam wall-clock time, no zone. */
export const toVietnamLocal = (instant: string | number): string =>
  new Date((typeof instant === 'number' ? instant : parseVietnamTime(instant)) + OFFSET_MS)
    .toISOString()
    .slice(0, 19);
