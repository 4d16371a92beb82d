import { badRequest, conflict } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import { normalizePhone } from '#main/backend/modules/accounts/identifiers';
import type { CatalogService } from '#main/backend/modules/catalog/catalog.service';
import type { ProductListing } from '#main/backend/modules/catalog/product-listing';
import {
  createPromotionPricing,
  type PromotionPricingRepo,
} from '#main/backend/modules/promotions/promotion-pricing';
import { DEFAULT_RANK } from '#main/backend/modules/promotions/voucher-rules';
import type { NewOrderLine, OrdersRepo } from './orders.repo.ts';
import { checkoutMethod, type GatewayAvailable } from './payment-methods.ts';
import { shopTotals, type ShopUpsells } from './shop-pricing.ts';

const DELIVERY_DAYS = { standard: 3, express: 1 };

export interface ShopCheckoutInput {
  guestEmail?: string;
  items: { productId: string; variantId: string; quantity: number }[];
  shippingAddress: {
    fullName: string;
    phone: string;
    email?: string;
    address: string;
    ward?: string;
    district?: string;
    city: string;
    note?: string;
  };
  shippingMethod?: 'standard' | 'express';
  upsellServices?: ShopUpsells;
  paymentDetails: { method: string };
}

/** Seed 003 `POST /api/checkout`: every price and fee is the server's, whatever was sent. */
export function createShopCheckoutService(deps: {
  gatewayAvailable: GatewayAvailable;
  orders: OrdersRepo;
  promotions: PromotionPricingRepo;
  catalog: CatalogService;
  listing: ProductListing;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { orders, catalog, listing, clock, ids } = deps;
  const pricing = createPromotionPricing(deps.promotions);

  return {
    checkout(user: User | null, input: ShopCheckoutInput) {
      if (!user && !input.guestEmail)
        throw badRequest('guestEmail is required without a login', 'guestEmail');
      const paymentMethod = checkoutMethod(
        input.paymentDetails.method,
        'paymentDetails.method',
        deps.gatewayAvailable,
      );
      const phone = normalizePhone(input.shippingAddress.phone);
      if (!phone)
        throw badRequest('Số điện thoại không đúng định dạng Việt Nam', 'shippingAddress.phone');
      const priced = input.items.map((item, i) => {
        const found = catalog.variantByRef(item.productId, item.variantId);
        if (!found) {
          throw badRequest(`items[${i}]: no such product variant`, `items.${i}.variantId`);
        }
        return { ...found, quantity: item.quantity };
      });

      const method = input.shippingMethod ?? 'standard';
      const now = clock.now();
      const at = now.toISOString();
      const result = orders.transaction(() => {
        // Product promotions, counted in this transaction; guests have no rank.
        const promoted = pricing.claim(
          priced.map(({ product, variant, quantity }) => ({
            productId: product.id,
            categoryId: product.categoryId,
            unitPrice: variant.price,
            quantity,
            kind: 'buy' as const,
            days: null,
          })),
          { now: at, rank: user ? DEFAULT_RANK : null },
        );
        const lines: NewOrderLine[] = priced.map(({ product, variant, quantity }, i) => {
          if (!orders.takeStock(variant.id, quantity, at)) {
            throw conflict(`Not enough stock for ${product.name}`, 'items');
          }
          return {
            variantId: variant.id,
            productName: product.name,
            sku: variant.sku,
            quantity,
            unitPrice: variant.price,
            rentalDays: null,
            // After the product promotion; unit_price stays the catalog price.
            lineTotal: promoted.lines[i]!.total,
          };
        });
        // Fees (and free shipping) follow the subtotal after promotions.
        const totals = {
          ...shopTotals(promoted.buy, input.upsellServices ?? {}, method),
          discount: promoted.discount,
        };
        const seq = orders.next('order:shop');
        const number = `ORD-${Math.floor(now.getTime() / 1000)}-${String(seq % 10_000).padStart(4, '0')}`;
        orders.insert(
          {
            uuid: ids.uuid(),
            number,
            kind: 'sale',
            userId: user?.id ?? null,
            guestEmail: user ? null : input.guestEmail!,
            status: 'pending',
            source: 'shop',
            shippingAddress: {
              ...input.shippingAddress,
              phone,
              shippingMethod: method,
              upsellServices: input.upsellServices ?? {},
            },
            paymentMethod,
            voucherCode: null,
            subtotal: totals.subtotal + promoted.discount,
            discount: promoted.discount,
            shippingFee: totals.shippingFee,
            servicesFee: totals.upsellTotal,
            deposit: 0,
            total: totals.total,
            note: input.shippingAddress.note ?? null,
            at,
          },
          lines,
        );
        return { number, totals, itemCount: lines.reduce((n, l) => n + l.quantity, 0) };
      });
      listing.invalidate();
      const delivery = new Date(now.getTime() + DELIVERY_DAYS[method] * 86_400_000);
      return { ...result, estimatedDelivery: delivery.toISOString() };
    },
  };
}

export type ShopCheckoutService = ReturnType<typeof createShopCheckoutService>;
