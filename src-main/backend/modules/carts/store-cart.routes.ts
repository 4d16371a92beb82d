import type { App } from '#main/backend/http/app-type';
import { okMessage } from '#main/backend/http/envelope';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { errorResponses } from '#shared/contracts/common';
import {
  AddCartItemSchema,
  CartItemParamsSchema,
  PatchCartItemSchema,
  StoreCartSchema,
} from '#shared/contracts/store-cart';
import { Success, SuccessMessage } from '#shared/contracts/store';
import type { PromotedCartView } from './cart-promotions.ts';
import type { StoreCartService } from './store-cart.service.ts';

const errors = errorResponses(400, 401, 404);

// Amounts are after product promotions: each item's `subtotal` is what the line costs, and the
// totals add those up; `original_subtotal`, `discount` and `promotion` show the cut.
const view = (c: PromotedCartView) => ({
  cart_id: c.cartId,
  total_items: c.totalItems,
  total_buy_amount: c.totalBuy,
  total_rent_amount: c.totalRent,
  grand_total: c.total,
  discount_amount: c.discount,
  items: c.items.map((i) => ({
    id: i.id,
    product_id: i.productId,
    variant_id: i.variantId,
    product_name: i.productName,
    thumbnail: i.thumbnail,
    transaction_type: i.transactionType,
    rental_days: i.rentalDays,
    variant: { color: i.color, size: i.size, condition: i.condition, model_number: i.sku },
    quantity: i.quantity,
    unit_price: i.unitPrice,
    subtotal: i.total,
    original_subtotal: i.subtotal,
    discount: i.discount,
    promotion: i.promotion,
  })),
});

/** Seed 002 `/store/cart` and `/store/cart/items`. */
export async function storeCartRoutes(
  app: App,
  { cart, guard }: { cart: StoreCartService; guard: AuthGuard },
) {
  const common = { preHandler: guard.required() };
  const tags = ['store cart'];
  const security = bearerSecurity;

  app.get(
    '/store/cart',
    {
      ...common,
      schema: {
        tags,
        summary: 'My cart with buy and rent totals',
        security,
        response: { 200: Success(StoreCartSchema), ...errors },
      },
    },
    async (req) => ({ status: 'success' as const, code: 200, data: view(cart.view(req.user!)) }),
  );

  app.post(
    '/store/cart/items',
    {
      ...common,
      schema: {
        tags,
        summary: 'Add a product to buy or to rent',
        security,
        body: AddCartItemSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      cart.add(req.user!, req.body);
      return okMessage('Added to cart successfully');
    },
  );

  app.patch(
    '/store/cart/items/:cart_item_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Change quantity or rental days',
        security,
        params: CartItemParamsSchema,
        body: PatchCartItemSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      cart.update(req.user!, req.params.cart_item_id, req.body);
      return okMessage('Cart item updated');
    },
  );

  app.delete(
    '/store/cart/items/:cart_item_id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Remove a line',
        security,
        params: CartItemParamsSchema,
        response: { 200: SuccessMessage, ...errors },
      },
    },
    async (req) => {
      cart.remove(req.user!, req.params.cart_item_id);
      return okMessage('Item removed from cart');
    },
  );
}
