import { hmacHex } from './gateway-support.ts';

/**
 * MoMo payment gateway v2 signatures: HMAC-SHA256 (hex) with the secret key over
 * `key1=value1&key2=value2…`, values raw (not URL-encoded), keys in the fixed order each
 * endpoint documents (alphabetical). accessKey is always part of the string but is sent
 * only in the signature, never as a field of its own.
 * Source: developers.momo.vn › Payment › One-time payments (create), Check transaction
 * status (query), Payment notification (IPN); MoMo's Java SDK builds the same strings.
 */
export const MOMO_CREATE_FIELDS = [
  'accessKey',
  'amount',
  'extraData',
  'ipnUrl',
  'orderId',
  'orderInfo',
  'partnerCode',
  'redirectUrl',
  'requestId',
  'requestType',
] as const;

export const MOMO_QUERY_FIELDS = ['accessKey', 'orderId', 'partnerCode', 'requestId'] as const;

export const MOMO_IPN_FIELDS = [
  'accessKey',
  'amount',
  'extraData',
  'message',
  'orderId',
  'orderInfo',
  'orderType',
  'partnerCode',
  'payType',
  'requestId',
  'responseTime',
  'resultCode',
  'transId',
] as const;

type Fields = readonly string[];
export type MomoSignatureValues<F extends Fields> = Record<F[number], unknown>;

/** The string MoMo signs; a missing value signs as empty, exactly like the reference code. */
export function momoRawSignature<F extends Fields>(
  fields: F,
  values: MomoSignatureValues<F>,
): string {
  const all = values as Record<string, unknown>;
  return fields.map((field) => `${field}=${String(all[field] ?? '')}`).join('&');
}

export function momoSign<F extends Fields>(
  fields: F,
  values: MomoSignatureValues<F>,
  secretKey: string,
): string {
  return hmacHex('sha256', secretKey, momoRawSignature(fields, values));
}
