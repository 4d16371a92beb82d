import { badRequest, notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { CatalogService } from '#main/backend/modules/catalog/catalog.service';
import { sellableStock, type Variant } from '#main/backend/modules/catalog/products.repo';
import type { PromotionPricing } from '#main/backend/modules/promotions/promotion-pricing';
import { DEFAULT_RANK } from '#main/backend/modules/promotions/voucher-rules';
import { promoteCart, toPromotionLine, type PromotedCartView } from './cart-promotions.ts';
import type { CartsRepo } from './carts.repo.ts';
import type { StoreCartRepo } from './store-cart.repo.ts';

/** Seed 002's cart: buy and rent lines, priced from the variant when added. */
export function createStoreCartService(deps: {
  lines: StoreCartRepo;
  carts: CartsRepo;
  catalog: CatalogService;
  pricing: PromotionPricing;
  rentalLimits: () => { min_days: number; max_days: number };
  clock: Clock;
}) {
  const { lines, carts, catalog, pricing, clock } = deps;

  /** Rental periods must fit the store's rental settings. */
  function checkDays(days: number): void {
    const { min_days, max_days } = deps.rentalLimits();
    if (days < min_days || days > max_days) {
      throw badRequest(`rental_days must be between ${min_days} and ${max_days}`, 'rental_days');
    }
  }
  const now = () => clock.now().toISOString();

  function pickVariant(productId: number, variantId: number | undefined, rent: boolean): Variant {
    const product = catalog.find(productId);
    if (!product) throw notFound('Product not found');
    const variants = catalog.variants(product.id);
    if (variantId !== undefined) {
      const v = variants.find((x) => x.id === variantId);
      if (!v) throw notFound('Variant not found');
      return v;
    }
    const v = (rent ? variants.find((x) => x.isRentable) : undefined) ?? variants[0];
    if (!v) throw badRequest('Product has no variant for sale', 'product_id');
    return v;
  }

  /** Adds units of a variant to a cart at today's price, if that many can be sold. */
  function addLine(
    cartId: number,
    variant: Variant,
    type: 'buy' | 'rent',
    quantity: number,
    rentalDays: number | null,
  ): void {
    const inCart = carts
      .view(cartId)
      .items.filter((i) => i.variantId === variant.id)
      .reduce((n, i) => n + i.quantity, 0);
    // A first check only: checkout reserves stock atomically and has the last word.
    const sellable = sellableStock(variant);
    if (inCart + quantity > sellable)
      throw badRequest(`Only ${sellable} left in stock`, 'quantity');
    lines.add(
      cartId,
      {
        variantId: variant.id,
        type,
        quantity,
        rentalDays,
        unitPrice: type === 'rent' ? variant.rentPricePerDay! : variant.price,
      },
      now(),
    );
  }

  /**
   * A cart with its product promotions (those live now, for `rank`: a signed-in customer's,
   * or null for a guest). Checkout prices again from the catalog and has the last word.
   */
  function priced(cartId: number, rank: string | null): PromotedCartView {
    const view = carts.view(cartId);
    const promotionLines = view.items.map((i) => toPromotionLine(i));
    return promoteCart(view, pricing.quote(promotionLines, { now: now(), rank }));
  }

  return {
    priced,

    view(user: User): PromotedCartView {
      return priced(lines.cartOf(user.id, now()), DEFAULT_RANK);
    },

    add(
      user: User,
      body: {
        product_id: number;
        variant_id?: number;
        quantity: number;
        transaction_type: 'buy' | 'rent';
        rental_days?: number | null;
      },
    ): void {
      const rent = body.transaction_type === 'rent';
      const variant = pickVariant(body.product_id, body.variant_id, rent);
      if (rent) {
        if (!variant.isRentable)
          throw badRequest('Product not available for rent', 'transaction_type');
        if (variant.rentPricePerDay === null)
          throw badRequest('Rental price not set', 'transaction_type');
        if (!body.rental_days) {
          throw badRequest('rental_days is required for rent items', 'rental_days');
        }
        checkDays(body.rental_days);
      } else if (body.rental_days) {
        throw badRequest('Cannot set rental days for buy items', 'rental_days');
      }
      addLine(
        lines.cartOf(user.id, now()),
        variant,
        body.transaction_type,
        body.quantity,
        rent ? body.rental_days! : null,
      );
    },

    addLine,

    update(user: User, itemId: number, patch: { quantity?: number; rental_days?: number }): void {
      // A refused edit must not leave a new empty cart behind.
      const cartId = lines.existingCartOf(user.id);
      const line = cartId === null ? null : lines.find(cartId, itemId);
      if (!line) throw notFound('Cart item not found');
      if (patch.rental_days !== undefined && line.transactionType === 'buy') {
        throw badRequest('Cannot set rental days for buy items', 'rental_days');
      }
      if (patch.rental_days !== undefined) checkDays(patch.rental_days);
      lines.update(
        itemId,
        patch.quantity ?? line.quantity,
        patch.rental_days ?? line.rentalDays,
        now(),
      );
    },

    remove(user: User, itemId: number): void {
      // A refused edit must not leave a new empty cart behind.
      const cartId = lines.existingCartOf(user.id);
      const line = cartId === null ? null : lines.find(cartId, itemId);
      if (!line) throw notFound('Cart item not found');
      lines.remove(itemId);
    },
  };
}

export type StoreCartService = ReturnType<typeof createStoreCartService>;
