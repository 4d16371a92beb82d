import { isUniqueViolation } from '#main/backend/db/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import type { IdGenerator } from '#main/backend/lib/ids';
import { conflict, forbidden, notFound } from '#main/backend/http/errors';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { CatalogService } from '#main/backend/modules/catalog/catalog.service';
import type { ProductListing } from '#main/backend/modules/catalog/product-listing';
import type { ProductCard } from '#main/backend/modules/catalog/products.repo';
import type { Rating, RatingListFilter, RatingOrder, RatingsRepo } from './ratings.repo.ts';

// Seed 001's messages.
export const RATING_MSG = {
  productNotFound: 'Sản phẩm không tìm thấy',
  ratingNotFound: 'Đánh giá không tìm thấy',
  duplicate: 'Tài khoản đã đánh giá sản phẩm này',
  forbidden: 'Tài khoản không có quyền',
};

export function createRatingsService(deps: {
  repo: RatingsRepo;
  catalog: CatalogService;
  listing: ProductListing;
  audit: AuditRepo;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, catalog, listing, audit, clock, ids } = deps;

  function product(ref: string): ProductCard {
    const p = catalog.find(ref);
    if (!p) throw notFound(RATING_MSG.productNotFound);
    return p;
  }

  /** The rating must exist, belong to this product, and be the caller's (or the caller an admin). */
  function ownRating(user: User, productRef: string, ratingRef: string): Rating {
    const p = product(productRef);
    const rating = repo.find(ratingRef);
    if (!rating || rating.productId !== p.id) throw notFound(RATING_MSG.ratingNotFound);
    if (rating.userId !== user.id && user.role !== 'admin') throw forbidden(RATING_MSG.forbidden);
    return rating;
  }

  return {
    product,
    /** A product card even when soft-deleted: old ratings still name what they rated. */
    productById: (id: number) => catalog.findAny(id),

    rate(user: User, productRef: string, stars: number, comment: string | null): Rating {
      const p = product(productRef);
      let id: number;
      try {
        id = repo.create({
          uuid: ids.uuid(),
          productId: p.id,
          userId: user.id,
          stars,
          comment,
          at: clock.now().toISOString(),
        });
      } catch (err) {
        // The partial unique index decides, so two simultaneous first ratings can't both land.
        if (isUniqueViolation(err)) throw conflict(RATING_MSG.duplicate);
        throw err;
      }
      listing.invalidate();
      return repo.find(id)!;
    },

    update(
      user: User,
      productRef: string,
      ratingRef: string,
      stars: number,
      comment: string | null,
    ) {
      const rating = ownRating(user, productRef, ratingRef);
      repo.update(rating, stars, comment, clock.now().toISOString());
      listing.invalidate();
      return repo.find(rating.id)!;
    },

    remove(user: User, productRef: string, ratingRef: string): void {
      const rating = ownRating(user, productRef, ratingRef);
      repo.remove(rating, clock.now().toISOString());
      listing.invalidate();
    },

    reply(admin: User, ratingRef: string, text: string): Rating {
      const rating = repo.find(ratingRef);
      if (!rating) throw notFound(RATING_MSG.ratingNotFound);
      const at = clock.now();
      repo.transaction(() => {
        repo.reply(rating.id, text, admin.id, at.toISOString());
        audit.record({
          actorUserId: admin.id,
          action: 'review.replied',
          targetType: 'rating',
          targetId: rating.uuid,
          at,
        });
      });
      return repo.find(rating.id)!;
    },

    list(filter: RatingListFilter, order: RatingOrder, page: number, limit: number) {
      return repo.list(filter, order, limit, (page - 1) * limit);
    },

    /** Counts and percentages (two decimals) per star value, 5 down to 1. */
    statistics(p: ProductCard) {
      const counts = repo.distribution(p.id);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const buckets = ([5, 4, 3, 2, 1] as const).map((stars) => ({
        stars,
        count: counts[stars],
        percentage: total === 0 ? 0 : Math.round((counts[stars] / total) * 10_000) / 100,
      }));
      return { total, buckets };
    },

    userSummary: (user: User) => repo.userSummary(user.id),
  };
}

export type RatingsService = ReturnType<typeof createRatingsService>;
