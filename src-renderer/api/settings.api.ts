import type { RentalSettings } from '#shared/contracts/settings';
import type { ApiClient, RequestOptions } from './api-client.ts';
import type { Envelope, MessageEnvelope } from './envelope.types.ts';

export type { RentalSettings };

export async function getRentalSettings(
  api: ApiClient,
  options?: RequestOptions,
): Promise<RentalSettings> {
  const envelope = await api.get<Envelope<RentalSettings>>('/admin/settings/rental', options);
  return envelope.data;
}

/** Any part may be sent; the server merges it with what is stored and checks the whole. */
export function updateRentalSettings(
  api: ApiClient,
  body: Partial<RentalSettings>,
): Promise<MessageEnvelope> {
  return api.patch<MessageEnvelope>('/admin/settings/rental', body);
}
