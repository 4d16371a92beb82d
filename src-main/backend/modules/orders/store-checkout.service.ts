import { badRequest, conflict } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import { toPromotionLine } from '#main/backend/modules/carts/cart-promotions';
import type { CartLine, CartsRepo } from '#main/backend/modules/carts/carts.repo';
import type { StoreCartRepo } from '#main/backend/modules/carts/store-cart.repo';
import type { CatalogService } from '#main/backend/modules/catalog/catalog.service';
import type { ProductListing } from '#main/backend/modules/catalog/product-listing';
import type { AddressesRepo } from '#main/backend/modules/profile/addresses.repo';
import { createPromotionPricing } from '#main/backend/modules/promotions/promotion-pricing';
import type { PromotionsRepo } from '#main/backend/modules/promotions/promotions.repo';
import { DEFAULT_RANK, voucherDiscount } from '#main/backend/modules/promotions/voucher-rules';
import { orderNumber } from './order-number.ts';
import { checkoutMethod, type GatewayAvailable } from './payment-methods.ts';
import type { NewOrderLine, OrdersRepo } from './orders.repo.ts';

export interface CheckoutResult {
  buyOrderId: number | null;
  buyOrderNumber: string | null;
  rentOrderId: number | null;
  rentOrderNumber: string | null;
  total: number;
}

/**
 * Seed 002 checkout: the cart becomes one sale and/or one rental order. Prices are read again
 * from the catalog (never the client's or the cart's snapshot), stock is taken atomically line
 * by line, and everything happens in one transaction: either every order exists and the cart
 * is empty, or nothing changed.
 */
export function createStoreCheckoutService(deps: {
  gatewayAvailable: GatewayAvailable;
  orders: OrdersRepo;
  promotions: Pick<PromotionsRepo, 'byCode' | 'use' | 'liveTargeted' | 'useAll'>;
  carts: CartsRepo;
  lines: StoreCartRepo;
  addresses: AddressesRepo;
  catalog: CatalogService;
  listing: ProductListing;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { orders, promotions, carts, lines, addresses, catalog, listing, clock, ids } = deps;
  const pricing = createPromotionPricing(promotions);

  /** The current price of a line: sale price, or rent per day × days. */
  function price(line: CartLine): { unit: number; total: number; deposit: number } {
    const variant = catalog.variants(line.productId).find((v) => v.id === line.variantId);
    if (!variant) throw conflict(`${line.productName} is no longer sold`, 'items');
    if (line.transactionType === 'buy') {
      return { unit: variant.price, total: variant.price * line.quantity, deposit: 0 };
    }
    if (!variant.isRentable || variant.rentPricePerDay === null) {
      throw conflict(`${line.productName} is no longer available for rent`, 'items');
    }
    const days = line.rentalDays ?? 1;
    return {
      unit: variant.rentPricePerDay,
      total: variant.rentPricePerDay * line.quantity * days,
      deposit: (variant.deposit ?? 0) * line.quantity,
    };
  }

  return {
    checkout(
      user: User,
      body: { address_id: number; payment_method: string; voucher_code?: string; note?: string },
    ): CheckoutResult {
      const address = addresses.find(user.id, body.address_id);
      if (!address) throw badRequest('Invalid address', 'address_id');
      const method = checkoutMethod(body.payment_method, 'payment_method', deps.gatewayAvailable);
      const voucher = body.voucher_code ? promotions.byCode(body.voucher_code) : null;
      if (body.voucher_code && !voucher)
        throw badRequest('Invalid or expired voucher', 'voucher_code');

      const now = clock.now();
      const at = now.toISOString();
      const result = orders.transaction((): CheckoutResult => {
        const cartId = lines.cartOf(user.id, at);
        const cart = carts.view(cartId);
        if (cart.items.length === 0) throw badRequest('Cart is empty');
        const prices = cart.items.map(price);
        // Product promotions first, at catalog prices; their uses count in this transaction.
        const promoted = pricing.claim(
          cart.items.map((item, i) => toPromotionLine(item, prices[i]!.unit)),
          { now: at, rank: DEFAULT_RANK },
        );
        // Then the voucher, on what is left, split between the sale and the rental by their
        // share of its base.
        const amounts = { buy: promoted.buy, rent: promoted.rent };
        const discounts = { sale: 0, rental: 0 };
        if (voucher) {
          const d = voucherDiscount(voucher, { ...amounts, rank: DEFAULT_RANK, now: at });
          if (!d.ok) {
            throw badRequest(
              d.problem === 'min_order'
                ? `Order needs minimum ${voucher.minOrderAmount}`
                : 'Invalid or expired voucher',
              'voucher_code',
            );
          }
          // Counting the use here, inside the transaction, is what bounds it under concurrency.
          if (!promotions.use(voucher.id))
            throw badRequest('Invalid or expired voucher', 'voucher_code');
          const saleShare =
            voucher.scope === 'rent' ? 0 : voucher.scope === 'buy' ? d.base : amounts.buy;
          discounts.sale = Math.floor((d.discount * saleShare) / d.base);
          discounts.rental = d.discount - discounts.sale;
        }
        const out: CheckoutResult = {
          buyOrderId: null,
          buyOrderNumber: null,
          rentOrderId: null,
          rentOrderNumber: null,
          total: 0,
        };
        for (const kind of ['sale', 'rental'] as const) {
          const indexes = cart.items
            .map((item, i) =>
              item.transactionType === (kind === 'sale' ? 'buy' : 'rent') ? i : -1,
            )
            .filter((i) => i >= 0);
          if (indexes.length === 0) continue;
          const orderLines: NewOrderLine[] = [];
          let subtotal = 0;
          let deposit = 0;
          let promotionDiscount = 0;
          for (const i of indexes) {
            const item = cart.items[i]!;
            const p = prices[i]!;
            const promotion = promoted.lines[i]!;
            if (!orders.takeStock(item.variantId, item.quantity, at)) {
              // Throwing rolls back the stock already taken for earlier lines.
              throw conflict(`Not enough stock for ${item.productName}`, 'items');
            }
            subtotal += p.total;
            deposit += p.deposit;
            promotionDiscount += promotion.discount;
            orderLines.push({
              variantId: item.variantId,
              productName: item.productName,
              sku: item.sku,
              quantity: item.quantity,
              // The catalog price stays on the line; its total is after the product promotion.
              unitPrice: p.unit,
              rentalDays: item.rentalDays,
              lineTotal: promotion.total,
            });
          }
          const number = orderNumber(kind, now, orders.next(`order:${kind}`));
          // Subtotal at catalog prices; the discount is the promotions' and the voucher's.
          const voucherPart = discounts[kind];
          const discount = promotionDiscount + voucherPart;
          const total = subtotal - discount + deposit;
          const id = orders.insert(
            {
              uuid: ids.uuid(),
              number,
              kind,
              userId: user.id,
              status: kind === 'sale' ? 'Pending' : 'Confirmed',
              source: 'store',
              shippingAddress: {
                address_line1: address.addressLine1,
                city: address.city,
                postal_code: address.postalCode,
                phone_number: address.phoneNumber,
              },
              paymentMethod: method,
              voucherCode: voucher && voucherPart > 0 ? voucher.code : null,
              subtotal,
              discount,
              shippingFee: 0,
              servicesFee: 0,
              deposit,
              total,
              note: body.note ?? null,
              at,
            },
            orderLines,
          );
          if (kind === 'sale') Object.assign(out, { buyOrderId: id, buyOrderNumber: number });
          else Object.assign(out, { rentOrderId: id, rentOrderNumber: number });
          out.total += total;
        }
        orders.clearCart(cartId);
        return out;
      });
      // Stock changed: cached variant figures must not outlive this commit.
      listing.invalidate();
      return result;
    },
  };
}

export type StoreCheckoutService = ReturnType<typeof createStoreCheckoutService>;
