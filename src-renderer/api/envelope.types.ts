import type { Static } from 'typebox';
import type { Seed002PaginationSchema } from '#shared/contracts/store';

export type Pagination = Static<typeof Seed002PaginationSchema>;

/** `{ status: 'success', code, data, message? }`: every `/admin` answer. */
export interface Envelope<T> {
  status: 'success';
  code: number;
  data: T;
  message?: string;
}

/** A list answer: the envelope's `data` array plus its `pagination`. */
export interface PagedEnvelope<T> extends Envelope<T[]> {
  pagination: Pagination;
}

/** The answer of a write that returns no data, only what happened. */
export interface MessageEnvelope {
  status: 'success';
  code: number;
  message: string;
}

export interface Page<T> {
  items: T[];
  pagination: Pagination;
}
