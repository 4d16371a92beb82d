import type { PaymentsConfig } from '#main/backend/config';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import { createMomoProvider } from './providers/momo.provider.ts';
import type { GatewayName, PaymentProvider } from './providers/payment-provider.ts';
import { createPayosProvider } from './providers/payos.provider.ts';
import { createVnpayProvider } from './providers/vnpay.provider.ts';

export type Gateways = Record<GatewayName, PaymentProvider>;

/** One provider per gateway, from configuration; unconfigured ones say so when asked. */
export function createGateways(
  config: PaymentsConfig,
  deps: { clock: Clock; ids: IdGenerator },
): Gateways {
  const timeoutMs = config.timeoutMs;
  return {
    payos: createPayosProvider({ ...config.payos, timeoutMs, maxRetries: 2 }),
    vnpay: createVnpayProvider({ ...config.vnpay, timeoutMs }, deps),
    momo: createMomoProvider({ ...config.momo, timeoutMs }, { ids: deps.ids }),
  };
}
