/** The text in a cart's QR code: scheme, version, cart code and the current one-time token. */
export const qrPayload = (cartCode: string, token: string) => `CARTSTATION:1:${cartCode}:${token}`;

export function parseQrPayload(text: string): { cartCode: string; token: string } | null {
  const m = /^CARTSTATION:1:([A-Z0-9-]{1,32}):([0-9a-f]{32})$/.exec(text.trim());
  return m ? { cartCode: m[1]!, token: m[2]! } : null;
}
