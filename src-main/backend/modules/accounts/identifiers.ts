const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** Vietnamese mobile numbers as seed 002 documents them: (84|0[3|5|7|8|9])+([0-9]{8}). */
const VN_PHONE = /^(?:\+?84|0)([35789]\d{8})$/;

export const isEmail = (value: string) => EMAIL.test(value.trim());

export const normalizeEmail = (value: string) => value.trim().toLowerCase();

/** The national form 0xxxxxxxxx, or null when it is not a Vietnamese mobile number. */
export function normalizePhone(value: string): string | null {
  const compact = value.replace(/[\s.-]/g, '');
  const match = VN_PHONE.exec(compact);
  return match ? `0${match[1]}` : null;
}

export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/** An e-mail address or a phone number typed into one login box. */
export function parseIdentifier(raw: string): Identifier | null {
  if (raw.includes('@')) return isEmail(raw) ? { kind: 'email', value: normalizeEmail(raw) } : null;
  const phone = normalizePhone(raw);
  return phone ? { kind: 'phone', value: phone } : null;
}
