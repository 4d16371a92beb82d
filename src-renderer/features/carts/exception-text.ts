import { RESOLUTIONS, type Resolution, type SessionException } from '../../api/sessions.api.ts';
import type { MessageKey, Translate } from '../../app/i18n/i18n.context.ts';

const KIND_KEYS: Record<string, MessageKey> = {
  unscanned_item: 'exception.kind.unscanned_item',
  unexpected_removal: 'exception.kind.unexpected_removal',
  scanned_not_placed: 'exception.kind.scanned_not_placed',
  wrong_item: 'exception.kind.wrong_item',
  unknown_barcode: 'exception.kind.unknown_barcode',
};

export function exceptionTitle(exception: SessionException, t: Translate): string {
  const key = KIND_KEYS[exception.kind];
  return key ? t(key) : exception.kind;
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/**
 * The measurements behind an exception, in a line staff can check against the cart: the
 * verifier's `detail` differs by kind, so each known field is described when present.
 */
export function exceptionDetail(exception: SessionException, t: Translate): string {
  const d = exception.detail;
  const parts: string[] = [];
  const barcode = text(d.barcode) ?? text(d.scanned);
  if (barcode) parts.push(t('exception.detail.barcode', { barcode }));
  const expected = text(d.expected_grams);
  if (expected) parts.push(t('exception.detail.expected', { grams: expected }));
  const measured = text(d.measured_grams);
  if (measured) parts.push(t('exception.detail.measured', { grams: measured }));
  if (Array.isArray(d.seen)) {
    const labels = d.seen.map((s: { label?: unknown }) => text(s.label)).filter(Boolean);
    if (labels.length > 0) parts.push(t('exception.detail.seen', { labels: labels.join(', ') }));
  }
  return parts.join(' · ');
}

/** What staff decided; an unknown value (a newer server) is shown as the server sent it. */
export function resolutionLabel(value: string, t: Translate): string {
  const known = (RESOLUTIONS as readonly string[]).includes(value);
  return known ? t(`resolution.${value as Resolution}`) : value;
}
