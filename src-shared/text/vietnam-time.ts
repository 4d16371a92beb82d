// Seed 002 writes dates as Vietnam wall-clock time without a zone ("2024-06-01T00:00:00").
// Vietnam is UTC+7 all year (no daylight saving), so the conversion is a fixed offset.

const OFFSET_MS = 7 * 60 * 60 * 1000;
const ZONED = /(Z|[+-]\d{2}:\d{2})$/i;

/** Milliseconds since the epoch for a date as seed 002 sends it: zone-less means Vietnam time. */
export const parseVietnamTime = (text: string): number =>
  Date.parse(ZONED.test(text) ? text : `${text}+07:00`);

/** An instant written the way seed 002 shows dates: Vietnam wall-clock time, no zone. */
export const toVietnamLocal = (instant: string | number): string =>
  new Date((typeof instant === 'number' ? instant : parseVietnamTime(instant)) + OFFSET_MS)
    .toISOString()
    .slice(0, 19);
