import type { Static } from 'typebox';
import type { PromotionBodySchema, PromotionSchema } from '#shared/contracts/promotions';
import { queryString, type ApiClient, type RequestOptions } from './api-client.ts';
import type { Envelope, MessageEnvelope, Page, PagedEnvelope } from './envelope.types.ts';

/**
 * Limiting a promotion to some products or categories is newer than the contract: a server
 * that knows it sends (and accepts) these ids, an older one leaves them out.
 */
interface PromotionTargets {
  product_ids?: number[];
  category_ids?: number[];
}

export type Promotion = Static<typeof PromotionSchema> & PromotionTargets;
export type PromotionBody = Static<typeof PromotionBodySchema> & PromotionTargets;

export interface PromotionListQuery {
  page: number;
  limit: number;
}

export async function listPromotions(
  api: ApiClient,
  query: PromotionListQuery,
  options?: RequestOptions,
): Promise<Page<Promotion>> {
  const path = `/admin/promotions${queryString({ ...query })}`;
  const envelope = await api.get<PagedEnvelope<Promotion>>(path, options);
  return { items: envelope.data, pagination: envelope.pagination };
}

export async function getPromotion(
  api: ApiClient,
  id: number,
  options?: RequestOptions,
): Promise<Promotion> {
  const envelope = await api.get<Envelope<Promotion>>(`/admin/promotions/${id}`, options);
  return envelope.data;
}

export function createPromotion(api: ApiClient, body: PromotionBody): Promise<MessageEnvelope> {
  return api.post<MessageEnvelope>('/admin/promotions', body);
}

export function updatePromotion(
  api: ApiClient,
  id: number,
  body: PromotionBody,
): Promise<MessageEnvelope> {
  return api.patch<MessageEnvelope>(`/admin/promotions/${id}`, body);
}

/** The message says whether it was deleted or only deactivated (it had been used). */
export async function deletePromotion(api: ApiClient, id: number): Promise<string> {
  const envelope = await api.delete<MessageEnvelope>(`/admin/promotions/${id}`);
  return envelope.message;
}
