import { queryString, type ApiClient, type RequestOptions } from './api-client.ts';
import type { Envelope, Pagination } from './envelope.types.ts';

export const REVIEW_FILTERS = ['all', 'highest', 'lowest', 'unanswered'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

// The review shape is declared inside the backend's route file rather than in
// src-shared/contracts, so it is restated here from `admin-reviews.routes.ts`.
export interface Review {
  /** `REV-<n>`: the id the reply route takes. */
  id: string;
  user: { id: string; username: string; avatar_url: string | null };
  rating: number;
  created_at: string;
  content: string | null;
  images: string[];
  admin_reply: { replied_at: string; content: string } | null;
  permissions: { can_reply: boolean };
}

export type StarKey = 'star_5' | 'star_4' | 'star_3' | 'star_2' | 'star_1';

export interface ReviewSummary {
  product_id: number;
  product_name: string;
  average_rating: number;
  total_reviews: number;
  rating_distribution: Partial<Record<StarKey, number>>;
}

export interface ProductReviews {
  summary: ReviewSummary;
  reviews: Review[];
  pagination: Pagination;
}

export interface ReviewQuery {
  page: number;
  limit: number;
  filter: ReviewFilter;
}

export async function listReviews(
  api: ApiClient,
  productId: number,
  { page, limit, filter }: ReviewQuery,
  options?: RequestOptions,
): Promise<ProductReviews> {
  const path = `/admin/reviews/${productId}${queryString({ page, limit, filter_type: filter })}`;
  const envelope = await api.get<Envelope<ProductReviews>>(path, options);
  return envelope.data;
}

/** Replaces any earlier reply from the shop. */
export async function replyToReview(
  api: ApiClient,
  reviewId: string,
  content: string,
): Promise<Review> {
  const path = `/admin/reviews/${encodeURIComponent(reviewId)}/reply`;
  const envelope = await api.post<Envelope<Review>>(path, { content });
  return envelope.data;
}
