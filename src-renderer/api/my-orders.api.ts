import type { Static } from 'typebox';
import type { MyOrderSchema } from '#shared/contracts/orders';
import type { VoucherSchema } from '#shared/contracts/promotions';
import { ApiError, queryString, type ApiClient, type RequestOptions } from './api-client.ts';
import type { Envelope, Page, PagedEnvelope } from './envelope.types.ts';

// An order as its customer (or the counter) sees it under /api/v1. Money is whole đồng.
export type MyOrder = Static<typeof MyOrderSchema>;
export type MyOrderLine = MyOrder['items'][number];
export type MyOrderEvent = MyOrder['history'][number];
export type Voucher = Static<typeof VoucherSchema>;

/** A receipt: structured totals, and the same content as fixed-width lines for a printer. */
export interface Receipt {
  order_number: string;
  total: number;
  paid: { method: string; amount: number; paid_at: string } | null;
  lines: string[];
}

const one = (ref: string | number) => `/api/v1/orders/${encodeURIComponent(String(ref))}`;

/**
 * The smart-cart session's order: locks the cart if it is still open and prices its contents.
 * Asking again returns the same order (and ignores a different voucher).
 */
export async function orderSession(
  api: ApiClient,
  sessionId: string,
  voucherCode?: string,
): Promise<MyOrder> {
  const path = `/api/v1/sessions/${encodeURIComponent(sessionId)}/order`;
  const body = voucherCode ? { voucher_code: voucherCode } : {};
  return (await api.post<Envelope<MyOrder>>(path, body)).data;
}

/** The order a smart-cart session's checkout made, or null while it has none. */
export async function sessionOrder(
  api: ApiClient,
  sessionId: string,
  options?: RequestOptions,
): Promise<MyOrder | null> {
  const path = `/api/v1/sessions/${encodeURIComponent(sessionId)}/order`;
  try {
    return (await api.get<Envelope<MyOrder>>(path, options)).data;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** The signed-in customer's orders, newest first. */
export async function listMyOrders(
  api: ApiClient,
  query: { page: number; limit: number },
  options?: RequestOptions,
): Promise<Page<MyOrder>> {
  const envelope = await api.get<PagedEnvelope<MyOrder>>(
    `/api/v1/orders${queryString({ ...query })}`,
    options,
  );
  return { items: envelope.data, pagination: envelope.pagination };
}

/** One order by id, UUID or number (`SO-…`); staff may read any. */
export async function getMyOrder(
  api: ApiClient,
  ref: string | number,
  options?: RequestOptions,
): Promise<MyOrder> {
  return (await api.get<Envelope<MyOrder>>(one(ref), options)).data;
}

export async function getReceipt(
  api: ApiClient,
  ref: string | number,
  options?: RequestOptions,
): Promise<Receipt> {
  return (await api.get<Envelope<Receipt>>(`${one(ref)}/receipt`, options)).data;
}

/** Vouchers a customer can type at checkout now, for purchases. */
export async function listVouchers(api: ApiClient, options?: RequestOptions): Promise<Voucher[]> {
  return (await api.get<Envelope<Voucher[]>>('/store/vouchers?scope=buy', options)).data;
}
