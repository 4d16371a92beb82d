import type { Static } from 'typebox';
import type {
  AdminProductBody,
  AdminProductDetailSchema,
  AdminProductRowSchema,
  VariantInput,
} from '#shared/contracts/admin-catalog';
import { queryString, type ApiClient, type RequestOptions } from './api-client.ts';
import type { Envelope, MessageEnvelope, Page, PagedEnvelope } from './envelope.types.ts';

export type ProductRow = Static<typeof AdminProductRowSchema>;

/** A stored variant: the create body's fields, all present, plus its id. */
export type ProductVariant = Required<Omit<VariantInput, 'id'>> & { id: number };

/**
 * The contract types only the detail's core (it allows extra properties); these are the
 * extra fields `GET /admin/products/{id}` sends that the edit form needs.
 */
export type ProductDetail = Omit<Static<typeof AdminProductDetailSchema>, 'variants'> & {
  description: string | null;
  is_hot: boolean;
  tags: string[];
  variants: ProductVariant[];
};

export type ProductBody = AdminProductBody;

export interface ProductListQuery {
  page: number;
  limit: number;
  search?: string;
}

export async function listProducts(
  api: ApiClient,
  query: ProductListQuery,
  options?: RequestOptions,
): Promise<Page<ProductRow>> {
  const path = `/admin/products${queryString({ ...query })}`;
  const envelope = await api.get<PagedEnvelope<ProductRow>>(path, options);
  return { items: envelope.data, pagination: envelope.pagination };
}

export async function getProduct(
  api: ApiClient,
  id: number,
  options?: RequestOptions,
): Promise<ProductDetail> {
  const envelope = await api.get<Envelope<ProductDetail>>(`/admin/products/${id}`, options);
  return envelope.data;
}

export async function createProduct(api: ApiClient, body: ProductBody): Promise<number> {
  const envelope = await api.post<Envelope<{ id: number }>>('/admin/products', body);
  return envelope.data.id;
}

/** A full `variants` list replaces the old one: unlisted variants are retired by the server. */
export function updateProduct(
  api: ApiClient,
  id: number,
  body: ProductBody,
): Promise<MessageEnvelope> {
  return api.patch<MessageEnvelope>(`/admin/products/${id}`, body);
}

/** The message says whether the product was deleted or only deactivated (it had history). */
export async function deleteProduct(api: ApiClient, id: number): Promise<string> {
  const envelope = await api.delete<MessageEnvelope>(`/admin/products/${id}`);
  return envelope.message;
}
