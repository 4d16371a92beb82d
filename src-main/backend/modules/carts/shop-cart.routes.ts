import { Type } from 'typebox';
import { shopVariantId } from '#shared/contracts/shop';
import type { App } from '#main/backend/http/app-type';
import type { AuthGuard } from '#main/backend/http/auth-guard';
import { notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { CatalogService } from '#main/backend/modules/catalog/catalog.service';
import { shopTotals } from '#main/backend/modules/orders/shop-pricing';
import { DEFAULT_RANK } from '#main/backend/modules/promotions/voucher-rules';
import { errorResponses } from '#shared/contracts/common';
import { ShopCartBodySchema } from '#shared/contracts/shop-cart';
import type { StoreCartRepo } from './store-cart.repo.ts';
import type { StoreCartService } from './store-cart.service.ts';

const CartItem = Type.Object({
  productId: Type.String(),
  variantId: Type.String(),
  name: Type.String(),
  size: Type.Union([Type.String(), Type.Null()]),
  price: Type.Integer(),
  quantity: Type.Integer(),
  image: Type.Union([Type.String(), Type.Null()]),
  // Not in seed 003: what the line's product promotion takes off price × quantity.
  discount: Type.Optional(Type.Integer()),
});
const Totals = {
  /** After product promotions; `discount` (not in seed 003) is their part. */
  subtotal: Type.Integer(),
  discount: Type.Optional(Type.Integer()),
  upsellTotal: Type.Integer(),
  shippingFee: Type.Integer(),
  total: Type.Integer(),
};
const ShopCartResponse = Type.Object({
  success: Type.Literal(true),
  data: Type.Object({
    cart: Type.Object({
      sessionId: Type.Union([Type.String(), Type.Null()]),
      items: Type.Array(CartItem),
      upsellServices: Type.Object({
        vacuumSealing: Type.Boolean(),
        giftWrapping: Type.Boolean(),
        expressShipping: Type.Boolean(),
      }),
      ...Totals,
    }),
    totals: Type.Object({ ...Totals, itemCount: Type.Integer() }),
  }),
});

/**
 * Seed 003 `POST /api/cart`: adds a variant to the signed-in customer's cart, or to a guest
 * cart named by `sessionId`, at the price of the moment (a snapshot; checkout re-prices).
 */
export async function shopCartRoutes(
  app: App,
  deps: {
    lines: StoreCartRepo;
    catalog: CatalogService;
    cart: StoreCartService;
    guard: AuthGuard;
    clock: Clock;
    ids: IdGenerator;
  },
) {
  const { lines, catalog, cart, guard, clock } = deps;

  app.post(
    '/api/cart',
    {
      preHandler: guard.optional(),
      schema: {
        tags: ['shop'],
        summary: 'Add a variant to the cart (signed in, or a guest cart by sessionId)',
        body: ShopCartBodySchema,
        response: { 200: ShopCartResponse, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const at = clock.now().toISOString();
      const { productId, variantId, quantity } = req.body;
      const found = catalog.variantByRef(productId, variantId);
      if (!found) throw notFound('Product variant not found');
      // A guest's first add starts a cart: its sessionId comes back, to send with later adds.
      const sessionId = req.user ? null : (req.body.sessionId ?? deps.ids.uuid());
      const cartId = req.user ? lines.cartOf(req.user.id, at) : lines.guestCartOf(sessionId!, at);
      cart.addLine(cartId, found.variant, 'buy', quantity, null);

      // Guests have no rank: promotions for some ranks only are not theirs.
      const view = cart.priced(cartId, req.user ? DEFAULT_RANK : null);
      // Ids come back in the form the client uses: seed 003's "v1-2", or the bare "2".
      const scoped = /^v\d+-\d+$/i.test(variantId);
      const totals = { ...shopTotals(view.totalBuy, {}, 'standard'), discount: view.discount };
      return {
        success: true as const,
        data: {
          cart: {
            sessionId: req.user ? null : sessionId!,
            items: view.items.map((i) => ({
              productId: String(i.productId),
              variantId: scoped ? shopVariantId(i.productId, i.variantId) : String(i.variantId),
              name: i.productName,
              size: i.size,
              price: i.unitPrice,
              quantity: i.quantity,
              image: i.thumbnail,
              discount: i.discount,
            })),
            upsellServices: { vacuumSealing: false, giftWrapping: false, expressShipping: false },
            ...totals,
          },
          totals: { ...totals, itemCount: view.totalItems },
        },
      };
    },
  );
}
