import { isUniqueViolation } from '#main/backend/db/errors';
import { badRequest, conflict, notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { CartsRepo } from '#main/backend/modules/carts/carts.repo';
import type { CatalogService } from '#main/backend/modules/catalog/catalog.service';
import type { ProductListing } from '#main/backend/modules/catalog/product-listing';
import type { PromotionPricing } from '#main/backend/modules/promotions/promotion-pricing';
import type { PromotionsRepo } from '#main/backend/modules/promotions/promotions.repo';
import { toPromotionLine } from '#main/backend/modules/carts/cart-promotions';
import { DEFAULT_RANK, voucherDiscount } from '#main/backend/modules/promotions/voucher-rules';
import type { SessionsService } from '#main/backend/modules/sessions/sessions.service';
import { orderNumber } from './order-number.ts';
import type { NewOrderLine, OrdersRepo } from './orders.repo.ts';
import type { PickupOrdersRepo } from './pickup-orders.repo.ts';

/**
 * In-store pickup for a smart-cart session: the cart's contents become one sale order, priced
 * again from the catalog, with the stock taken in the same transaction. Asking twice returns
 * the same order (one order per session, by a partial unique index). The cart stays locked
 * until the order is paid; then the payment's listener completes the session and unlocks it.
 */
export function createPickupService(deps: {
  orders: OrdersRepo;
  pickups: PickupOrdersRepo;
  carts: CartsRepo;
  sessions: SessionsService;
  promotions: Pick<PromotionsRepo, 'byCode' | 'use'>;
  pricing: PromotionPricing;
  catalog: CatalogService;
  listing: ProductListing;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { orders, pickups, carts, sessions, promotions, pricing, catalog, clock, ids } = deps;

  function create(user: User, sessionId: number, voucherCode?: string): number {
    const session = sessions.find(String(sessionId));
    const voucher = voucherCode ? promotions.byCode(voucherCode) : null;
    if (voucherCode && !voucher) throw badRequest('Mã giảm giá không hợp lệ', 'voucher_code');
    const now = clock.now();
    const at = now.toISOString();
    return orders.transaction(() => {
      const cart = carts.view(carts.sessionCart(session.id, session.startedAt));
      if (cart.items.length === 0) throw badRequest('Giỏ hàng đang trống');
      // Catalog prices now (not the cart's snapshot), then the products' own promotions,
      // counted in this transaction so a promotion's quantity holds under concurrency.
      const prices = cart.items.map((item) => {
        const variant = catalog.variants(item.productId).find((v) => v.id === item.variantId);
        if (!variant) throw conflict(`${item.productName} không còn được bán`, 'items');
        return variant.price;
      });
      const priced = pricing.claim(
        cart.items.map((item, i) => toPromotionLine(item, prices[i])),
        { now: at, rank: DEFAULT_RANK },
      );
      const lines: NewOrderLine[] = cart.items.map((item, i) => {
        if (!orders.takeStock(item.variantId, item.quantity, at)) {
          throw conflict(`Kho không đủ ${item.productName}; nhờ nhân viên kiểm tra`, 'items');
        }
        return {
          variantId: item.variantId,
          productName: item.productName,
          sku: item.sku,
          quantity: item.quantity,
          unitPrice: prices[i]!,
          rentalDays: null,
          lineTotal: priced.lines[i]!.total,
        };
      });
      const subtotal = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
      let discount = priced.discount;
      if (voucher) {
        const d = voucherDiscount(voucher, {
          buy: priced.buy,
          rent: 0,
          rank: DEFAULT_RANK,
          now: at,
        });
        if (!d.ok || !promotions.use(voucher.id)) {
          throw badRequest(
            d.ok || d.problem !== 'min_order'
              ? 'Mã giảm giá không hợp lệ hoặc đã hết lượt'
              : `Đơn tối thiểu ${voucher.minOrderAmount} đ`,
            'voucher_code',
          );
        }
        discount += d.discount;
      }
      return orders.insert(
        {
          uuid: ids.uuid(),
          number: orderNumber('sale', now, orders.next('order:sale')),
          kind: 'sale',
          userId: session.userId,
          status: 'Pending',
          source: 'smart_cart',
          shoppingSessionId: session.id,
          shippingAddress: null,
          paymentMethod: 'in_store',
          voucherCode: voucher ? voucher.code : null,
          subtotal,
          discount,
          shippingFee: 0,
          servicesFee: 0,
          deposit: 0,
          total: subtotal - discount,
          note: user.id === session.userId ? null : `counter: staff ${user.id}`,
          at,
        },
        lines,
      );
    });
  }

  return {
    /** Lock the cart (if still open) and turn its contents into the session's order. */
    order(user: User, sessionRef: string, voucherCode?: string): number {
      const session = sessions.ownedBy(user, sessionRef);
      const existing = pickups.forSession(session.id);
      if (existing) return existing;
      const locking = session.status === 'active';
      if (locking) sessions.checkout(user, sessionRef);
      else if (session.status !== 'checkout') throw conflict('Phiên mua sắm đã kết thúc');
      try {
        const id = create(user, session.id, voucherCode);
        deps.listing.invalidate();
        return id;
      } catch (err) {
        if (isUniqueViolation(err)) return pickups.forSession(session.id)!;
        // No order came of it (a refused voucher, stock short): unlock, keep shopping.
        if (locking) sessions.reopen(session.id, 'checkout_failed');
        throw err;
      }
    },
    forSession: (sessionId: number) => pickups.forSession(sessionId),
    /** The session's order, for its customer or staff. */
    ofSession(user: User, sessionRef: string): number {
      const session = sessions.ownedBy(user, sessionRef);
      const id = pickups.forSession(session.id);
      if (!id) throw notFound('Phiên mua sắm chưa có đơn hàng');
      return id;
    },
  };
}

export type PickupService = ReturnType<typeof createPickupService>;
