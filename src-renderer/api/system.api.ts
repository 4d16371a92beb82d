import type { Static } from 'typebox';
import type { StoreStatus, StoreStatusEnvelopeSchema } from '#shared/contracts/system';
import type { ApiClient, RequestOptions } from './api-client.ts';

type StoreStatusEnvelope = Static<typeof StoreStatusEnvelopeSchema>;

/** `GET /api/v1/status` (staff only), unwrapped from its envelope. */
export async function getStoreStatus(
  api: ApiClient,
  options?: RequestOptions,
): Promise<StoreStatus> {
  const envelope = await api.get<StoreStatusEnvelope>('/api/v1/status', options);
  return envelope.data;
}
