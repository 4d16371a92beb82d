import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  GatewayRejectedError,
  GatewayUnavailableError,
  type GatewayName,
} from './payment-provider.ts';

/** Hex HMAC, the signature primitive of all three gateways. */
export function hmacHex(algorithm: 'sha256' | 'sha512', key: string, data: string): string {
  return createHmac(algorithm, key).update(data, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex signatures (case-insensitive, as gateways vary). */
export function sameSignature(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(received.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A gateway order code: a positive safe integer, from a number or a digits-only string. */
export function parseOrderCode(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const code = Number(text);
  return Number.isSafeInteger(code) ? code : null;
}

/** Amounts cross the provider boundary as whole đồng; anything else is a caller's bug. */
export function requireWholeDong(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new RangeError(`amount must be a positive whole number of đồng, got ${amount}`);
  }
  return amount;
}

/** An integer amount from a number or a digits-only string. */
export function parseWholeNumber(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text)) return null;
  return Number(text);
}

/**
 * ASCII text for fields that gateways and banks mangle: tone marks dropped (đ → d), anything
 * outside `allowed` turned into spaces, spaces collapsed, cut to `max` characters.
 */
export function asciiText(text: string, allowed: RegExp, max: number): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .split('')
    .map((char) => (allowed.test(char) ? char : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

function unavailableFrom(gateway: GatewayName, error: unknown): GatewayUnavailableError {
  const timedOut = error instanceof Error && error.name === 'TimeoutError';
  return new GatewayUnavailableError(gateway, timedOut ? 'timeout' : 'unreachable', {
    cause: error,
  });
}

/**
 * POSTs JSON and returns the parsed answer. Network failures and timeouts become
 * GatewayUnavailableError; 5xx answers too (the gateway is down, not refusing us).
 */
export async function postJson(
  gateway: GatewayName,
  url: string,
  body: unknown,
  timeoutMs: number,
): Promise<{ status: number; json: unknown }> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw unavailableFrom(gateway, error);
  }
  if (response.status >= 500) throw new GatewayUnavailableError(gateway, 'server_error');
  try {
    return { status: response.status, json: JSON.parse(text) as unknown };
  } catch {
    throw new GatewayRejectedError(gateway, `HTTP_${response.status}`, 'answer is not JSON');
  }
}

/**
 * Bounds a call made inside a library that gives us no timeout or fetch hook (vnpay), and
 * maps its network failures: undici's `fetch failed` is a TypeError.
 */
export async function withGatewayTimeout<T>(
  gateway: GatewayName,
  timeoutMs: number,
  call: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GatewayUnavailableError(gateway, 'timeout')), timeoutMs);
  });
  try {
    return await Promise.race([call(), timeout]);
  } catch (error) {
    if (error instanceof GatewayUnavailableError) throw error;
    if (error instanceof TypeError && error.message === 'fetch failed') {
      throw unavailableFrom(gateway, error);
    }
    if (error instanceof Error && /HTTP error! status: 5\d\d/.test(error.message)) {
      throw new GatewayUnavailableError(gateway, 'server_error', { cause: error });
    }
    if (error instanceof SyntaxError) {
      throw new GatewayRejectedError(gateway, 'BAD_ANSWER', 'answer is not JSON');
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
