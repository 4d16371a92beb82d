import type { Static } from 'typebox';
import type { AdminCategoryRowSchema } from '#shared/contracts/admin-catalog';
import { queryString, type ApiClient, type RequestOptions } from './api-client.ts';
import type { Envelope, MessageEnvelope, PagedEnvelope } from './envelope.types.ts';

export type CategoryRow = Static<typeof AdminCategoryRowSchema>;

/** The server's page limit; a store has far fewer categories than this. */
export const CATEGORY_LIMIT = 100;

/** Every category, with its product count (one page of the largest size the server allows). */
export async function listCategories(
  api: ApiClient,
  options?: RequestOptions,
): Promise<CategoryRow[]> {
  const path = `/admin/categories${queryString({ limit: CATEGORY_LIMIT })}`;
  const envelope = await api.get<PagedEnvelope<CategoryRow>>(path, options);
  return envelope.data;
}

export async function createCategory(api: ApiClient, name: string): Promise<number> {
  const envelope = await api.post<Envelope<{ id: number }>>('/admin/categories', { name });
  return envelope.data.id;
}

export function renameCategory(api: ApiClient, id: number, name: string): Promise<MessageEnvelope> {
  return api.patch<MessageEnvelope>(`/admin/categories/${id}`, { name });
}

/** Refused (400, with a reason in `detail`) while the category still has products. */
export function deleteCategory(api: ApiClient, id: number): Promise<MessageEnvelope> {
  return api.delete<MessageEnvelope>(`/admin/categories/${id}`);
}
