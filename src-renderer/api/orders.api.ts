import { queryString, type ApiClient, type RequestOptions } from './api-client.ts';
import type { Envelope, MessageEnvelope, Page, PagedEnvelope } from './envelope.types.ts';

export const ORDER_FILTERS = ['all', 'sale', 'rental'] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];
export type OrderKind = Exclude<OrderFilter, 'all'>;

// The order shapes are declared inside the backend's route file (seed 002 `/admin/orders`)
// rather than in src-shared/contracts, so they are restated here. Money is whole đồng.

export interface OrderRow {
  /** The order number (`SO-…`, `RN-…`), shown to people. */
  id: string;
  /** The id the detail and status routes take. */
  db_id: number;
  type: OrderKind;
  customer_name: string;
  created_at: string;
  status: string;
  status_label: string;
  total_amount: number;
}

export interface OrderItem {
  /** The order line's id, which rental preparation names; older servers leave it out. */
  id?: number;
  order_item_id?: number;
  variant_id?: number;
  product_name: string;
  quantity: number;
  unit_price: number;
  rental_days?: number | null;
  total_line: number;
  /** A rental line's prepared unit and its condition, once staff have prepared it. */
  inventory_asset_id?: string | null;
  asset_id?: string | null;
  description?: string | null;
  condition_note?: string | null;
  evidence_photos?: string[] | null;
  prepared_at?: string | null;
}

export interface OrderHistoryEntry {
  from: string | null;
  to: string;
  by?: number | string | null;
  by_name?: string | null;
  note: string | null;
  at: string;
}

export interface OrderActions {
  can_cancel: boolean;
  can_confirm: boolean;
  can_ship: boolean;
  can_complete: boolean;
}

export interface OrderCustomer {
  id?: number | string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface ShippingAddress {
  address_line1?: string | null;
  city?: string | null;
  postal_code?: string | null;
  phone_number?: string | null;
}

export interface OrderDetail {
  id: string;
  db_id: number;
  type: OrderKind;
  status: string;
  created_at: string;
  customer?: OrderCustomer | null;
  items: OrderItem[];
  subtotal: number;
  discount?: number;
  freight?: number;
  tax_amt?: number;
  deposit?: number;
  total_due: number;
  payment_method?: string | null;
  payment_status?: string | null;
  shipping_address?: ShippingAddress | null;
  rental_start?: string | null;
  rental_end?: string | null;
  /** The customer's open request, while the status is "Cancel/Return Requested". */
  request?: OrderRequest | null;
  history?: OrderHistoryEntry[];
  actions: OrderActions;
}

export interface OrderRequest {
  kind: 'cancel' | 'return';
  reason: string | null;
  /** The status the request interrupted, which declining goes back to. */
  from: string | null;
}

export interface OrderListQuery {
  type: OrderFilter;
  page: number;
  limit: number;
  search?: string;
}

export async function listOrders(
  api: ApiClient,
  query: OrderListQuery,
  options?: RequestOptions,
): Promise<Page<OrderRow>> {
  const path = `/admin/orders${queryString({ ...query })}`;
  const envelope = await api.get<PagedEnvelope<OrderRow>>(path, options);
  return { items: envelope.data, pagination: envelope.pagination };
}

const orderPath = (id: number, kind: OrderKind, action = '') =>
  `/admin/orders/${id}${action}${queryString({ type: kind })}`;

export async function getOrder(
  api: ApiClient,
  id: number,
  kind: OrderKind,
  options?: RequestOptions,
): Promise<OrderDetail> {
  const envelope = await api.get<Envelope<OrderDetail>>(orderPath(id, kind), options);
  return envelope.data;
}

/** Refused (400) unless `status` is one the order may move to from where it is. */
export function changeOrderStatus(
  api: ApiClient,
  id: number,
  kind: OrderKind,
  body: { status: string; note?: string },
): Promise<MessageEnvelope> {
  return api.patch<MessageEnvelope>(orderPath(id, kind, '/status'), body);
}

export type RequestDecision = 'accept' | 'decline';

/** Answers a customer's "Cancel Requested" or "Return Requested". */
export function reviewOrderRequest(
  api: ApiClient,
  id: number,
  kind: OrderKind,
  body: { decision: RequestDecision; reason?: string },
): Promise<MessageEnvelope> {
  return api.post<MessageEnvelope>(orderPath(id, kind, '/request-review'), body);
}

export interface RentalPreparation {
  order_item_id: number;
  inventory_asset_id: string;
  description: string;
  evidence_photos?: string[];
}

/** Assigns the physical unit to a rental line; only while the order is Confirmed or Preparing. */
export function prepareRentalItem(
  api: ApiClient,
  id: number,
  body: RentalPreparation,
): Promise<MessageEnvelope> {
  return api.post<MessageEnvelope>(`/admin/orders/${id}/rental-preparation`, body);
}
