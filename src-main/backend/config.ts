import envPaths from 'env-paths';
import { isIP } from 'node:net';

export interface Config {
  dataDir: string;
  host: string;
  port: number;
  admin: { email: string; password: string } | null;
  demo: boolean;
  /** Simulated carts the demo store pairs and drives itself (0: none). */
  demoCarts: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Requests per minute per client address on the whole API; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Login attempts per minute per client address. */
  loginRateLimitPerMinute: number;
  carts: {
    /** Serial lines to open (and keep reopening) for carts, e.g. /dev/ttyACM0. */
    serialPorts: string[];
    /** TCP port where network carts and the simulator connect (0: any free port); null: off. */
    tcpPort: number | null;
    toleranceGrams: number;
    tolerancePercent: number;
    placeWithinMs: number;
    idleTimeoutMs: number;
  };
  payments: PaymentsConfig;
  /** Printed on receipts. */
  storeName: string;
}

/**
 * Online gateways. A gateway with any key missing is "not configured" and offered as
 * unavailable; cash always works. Webhooks reach the store through headquarters' relay, so
 * the URLs registered with gateways are HQ's, not this terminal's.
 */
export interface PaymentsConfig {
  /** This terminal's number in the chain (1–9999): the high digits of its gateway codes. */
  terminalNo: number;
  /** How the phones reach this terminal (return pages after paying). */
  publicUrl: string | null;
  /** Seconds between checks of pending payments with their gateway; 0 turns polling off. */
  reconcileSeconds: number;
  timeoutMs: number;
  payos: {
    clientId: string;
    apiKey: string;
    checksumKey: string;
    baseUrl: string;
    checkoutBaseUrl: string;
  };
  vnpay: { tmnCode: string; hashSecret: string; paymentUrl: string; queryUrl: string };
  momo: {
    partnerCode: string;
    accessKey: string;
    secretKey: string;
    endpoint: string;
    ipnUrl: string;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function list(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!/^[\w./:\\-]+$/.test(item)) throw new ConfigError(name, `has an invalid entry "${item}"`);
  }
  return items;
}

function text(env: Env, name: string, fallback = ''): string {
  return env[name]?.trim() || fallback;
}

function url(env: Env, name: string, fallback = ''): string {
  const raw = text(env, name, fallback);
  if (raw && !URL.canParse(raw)) throw new ConfigError(name, `must be a URL, got "${raw}"`);
  if (raw && !/^https?:/.test(raw)) throw new ConfigError(name, 'must be an http(s) URL');
  return raw;
}

function payments(env: Env): PaymentsConfig {
  return {
    terminalNo: int(env, 'CARTSTATION_TERMINAL_NO', 1, 1, 9999),
    publicUrl: url(env, 'CARTSTATION_PUBLIC_URL') || null,
    reconcileSeconds: int(env, 'CARTSTATION_RECONCILE_SECONDS', 30, 0, 86_400),
    timeoutMs: int(env, 'CARTSTATION_GATEWAY_TIMEOUT_MS', 15_000, 100, 120_000),
    payos: {
      clientId: text(env, 'CARTSTATION_PAYOS_CLIENT_ID'),
      apiKey: text(env, 'CARTSTATION_PAYOS_API_KEY'),
      checksumKey: text(env, 'CARTSTATION_PAYOS_CHECKSUM_KEY'),
      baseUrl: url(env, 'CARTSTATION_PAYOS_BASE_URL', 'https://api-merchant.payos.vn'),
      checkoutBaseUrl: url(env, 'CARTSTATION_PAYOS_CHECKOUT_URL', 'https://pay.payos.vn/web/'),
    },
    vnpay: {
      tmnCode: text(env, 'CARTSTATION_VNPAY_TMN_CODE'),
      hashSecret: text(env, 'CARTSTATION_VNPAY_HASH_SECRET'),
      paymentUrl: url(env, 'CARTSTATION_VNPAY_PAYMENT_URL', 'https://pay.vnpay.vn/vpcpay.html'),
      queryUrl: url(
        env,
        'CARTSTATION_VNPAY_QUERY_URL',
        'https://merchant.vnpay.vn/merchant_webapi/api/transaction',
      ),
    },
    momo: {
      partnerCode: text(env, 'CARTSTATION_MOMO_PARTNER_CODE'),
      accessKey: text(env, 'CARTSTATION_MOMO_ACCESS_KEY'),
      secretKey: text(env, 'CARTSTATION_MOMO_SECRET_KEY'),
      endpoint: url(env, 'CARTSTATION_MOMO_ENDPOINT', 'https://payment.momo.vn'),
      // MoMo takes the IPN address per payment: headquarters' relay.
      ipnUrl: url(env, 'CARTSTATION_MOMO_IPN_URL'),
    },
  };
}

function host(env: Env): string {
  const raw = env.HOST;
  if (raw === undefined || raw === '') return '0.0.0.0';
  if (isIP(raw) === 0 && !/^[a-z0-9.-]+$/i.test(raw)) {
    throw new ConfigError('HOST', `must be an IP address or host name, got "${raw}"`);
  }
  return raw;
}

function admin(env: Env): Config['admin'] {
  const email = env.CARTSTATION_ADMIN_EMAIL;
  const password = env.CARTSTATION_ADMIN_PASSWORD;
  if (!email && !password) return null;
  if (!email) throw new ConfigError('CARTSTATION_ADMIN_EMAIL', 'is required with the password');
  if (!EMAIL.test(email)) throw new ConfigError('CARTSTATION_ADMIN_EMAIL', 'is not an e-mail');
  if (!password || password.length < 8) {
    throw new ConfigError('CARTSTATION_ADMIN_PASSWORD', 'must have at least 8 characters');
  }
  return { email, password };
}

/** Reads and validates the configuration; throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const dataDir = env.CARTSTATION_DATA_DIR?.trim() || envPaths('cartstation', { suffix: '' }).data;
  return {
    dataDir,
    host: host(env),
    port: int(env, 'PORT', 8080, 0, 65535),
    admin: admin(env),
    demo: bool(env, 'CARTSTATION_DEMO', true),
    demoCarts: int(env, 'CARTSTATION_DEMO_CARTS', 0, 0, 50),
    logLevel,
    rateLimitPerMinute: int(env, 'CARTSTATION_RATE_LIMIT', 6000, 0, 10_000_000),
    loginRateLimitPerMinute: int(env, 'CARTSTATION_LOGIN_RATE_LIMIT', 20, 1, 100_000),
    carts: {
      serialPorts: list(env, 'CARTSTATION_SERIAL_PORTS'),
      tcpPort: env.CARTSTATION_CART_TCP_PORT
        ? int(env, 'CARTSTATION_CART_TCP_PORT', 0, 0, 65535)
        : env.CARTSTATION_DEMO_CARTS && env.CARTSTATION_DEMO_CARTS !== '0'
          ? 0 // demo carts connect over TCP, on any free port
          : null,
      toleranceGrams: int(env, 'CARTSTATION_WEIGHT_TOLERANCE_GRAMS', 15, 0, 10_000),
      tolerancePercent: int(env, 'CARTSTATION_WEIGHT_TOLERANCE_PERCENT', 5, 0, 100),
      placeWithinMs: int(env, 'CARTSTATION_PLACE_WITHIN_SECONDS', 15, 1, 3600) * 1000,
      idleTimeoutMs: int(env, 'CARTSTATION_SESSION_IDLE_MINUTES', 30, 1, 24 * 60) * 60_000,
    },
    payments: payments(env),
    storeName: text(env, 'CARTSTATION_STORE_NAME', 'Cartstation').slice(0, 42),
  };
}
