import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api.context.ts';
import { listReviews, replyToReview, type ReviewQuery } from '../../api/reviews.api.ts';

const REVIEWS_KEY = ['admin-reviews'] as const;

export function useProductReviews(productId: number, query: ReviewQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [...REVIEWS_KEY, productId, query],
    queryFn: ({ signal }) => listReviews(api, productId, query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReplyToReview() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, content }: { reviewId: string; content: string }) =>
      replyToReview(api, reviewId, content),
    // "Unanswered" lists and reply flags change with every reply.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REVIEWS_KEY }),
  });
}
