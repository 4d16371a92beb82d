import { badRequest, conflict, notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import type { RentalPreparationBody } from '#shared/contracts/order-requests';
import { STAFF_ROLES } from '#shared/contracts/roles';
import type { RentalSettings } from '#shared/contracts/settings';
import { orderNumber } from './order-number.ts';
import type { OrderLifecycle } from './order-lifecycle.ts';
import type { NewOrderLine, OrdersRepo } from './orders.repo.ts';
import { buyOutPrice } from './rental-fees.ts';
import type { RentalsRepo } from './rentals.repo.ts';

const ORDER_STAFF: readonly string[] = STAFF_ROLES.filter((r) => r !== 'product_staff');
const PREPARABLE = ['Confirmed', 'Preparing'];
const BUYABLE = ['Active', 'Overdue'];

/** Rentals at the counter: preparing the units that go out, and rent-to-own buy-outs. */
export function createRentalsService(deps: {
  orders: OrdersRepo;
  rentals: RentalsRepo;
  lifecycle: OrderLifecycle;
  settings: () => RentalSettings;
  audit: AuditRepo;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { orders, rentals, lifecycle, settings, audit, clock, ids } = deps;

  return {
    /** Seed 002 rental-preparation: assign a unit and its condition; Confirmed → Preparing. */
    prepare(actor: User, id: number, p: RentalPreparationBody) {
      const at = clock.now();
      orders.transaction(() => {
        const order = orders.find(id);
        if (!order || order.kind !== 'rental') throw notFound('Rental order not found');
        if (!PREPARABLE.includes(order.status)) {
          throw badRequest(
            `Cannot update preparation details when order is '${order.status}'. Request must be Confirmed or Preparing.`,
          );
        }
        const line = rentals.lines(id).find((l) => l.id === p.order_item_id);
        if (!line) throw notFound('Order item not found');
        const assetId = p.inventory_asset_id.trim();
        if (!assetId)
          throw badRequest('inventory_asset_id must not be blank', 'inventory_asset_id');
        const note = p.description.trim();
        if (!note) throw badRequest('description must not be blank', 'description');
        const holder = rentals.assetHolder(assetId, line.id);
        if (holder) {
          throw conflict(`Asset ${assetId} is already assigned to ${holder}`, 'inventory_asset_id');
        }
        rentals.prepareLine(line.id, {
          assetId,
          note,
          photos: p.evidence_photos ?? [],
          at: at.toISOString(),
          by: actor.id,
        });
        if (order.status === 'Confirmed') {
          lifecycle.move(order, 'Preparing', actor.id, `item ${line.id} prepared as ${assetId}`, {
            at,
          });
        }
        audit.record({
          actorUserId: actor.id,
          action: 'order.rental_prepared',
          targetType: 'order',
          targetId: order.uuid,
          detail: { order_item_id: line.id, asset_id: assetId, photos: p.evidence_photos ?? [] },
          at,
        });
      });
    },

    /**
     * Rent-to-own: the customer keeps what they rented. A sale order is created at today's
     * price less the rent deduction, the rental is closed as Returned and points at the sale,
     * and the stock stays out (the units never come back).
     */
    buyOut(user: User, id: number) {
      const now = clock.now();
      const at = now.toISOString();
      return orders.transaction(() => {
        const rental = orders.find(id);
        const staff = ORDER_STAFF.includes(user.role);
        if (!rental || (!staff && rental.userId !== user.id)) throw notFound('Order not found');
        if (rental.kind !== 'rental') throw conflict(`Order ${rental.number} is not a rental`);
        if (!BUYABLE.includes(rental.status)) {
          throw conflict(
            `Cannot buy out a rental when it is '${rental.status}'. Rental must be Active or Overdue.`,
          );
        }
        const rule = settings().rent_to_own;
        if (!rule.enabled) throw conflict('Rent-to-own is not enabled');

        const lines: NewOrderLine[] = rentals.lines(id).map((l) => {
          const unitPrice = rentals.salePrice(l.variantId);
          return {
            variantId: l.variantId,
            productName: l.productName,
            sku: l.sku,
            quantity: l.quantity,
            unitPrice,
            rentalDays: null,
            lineTotal: unitPrice * l.quantity,
          };
        });
        // Rent paid is what the rental charged for rent: its subtotal less its discount. The
        // deposit is not rent; it is settled like any returned rental's.
        const rentPaid = (rental.row.subtotal as number) - (rental.row.discount as number);
        const price = buyOutPrice(
          lines.reduce((sum, l) => sum + l.lineTotal, 0),
          rentPaid,
          rule.rent_deduction,
        );
        const number = orderNumber('sale', now, orders.next('order:sale'));
        const saleId = orders.insert(
          {
            uuid: ids.uuid(),
            number,
            kind: 'sale',
            userId: rental.userId,
            // The goods are already with the customer: nothing to confirm or ship.
            status: 'Delivered',
            source: rental.row.source as 'store' | 'shop' | 'smart_cart' | 'counter',
            shippingAddress: null,
            paymentMethod: rental.row.payment_method as string,
            voucherCode: null,
            subtotal: price.subtotal,
            discount: price.deduction,
            shippingFee: 0,
            servicesFee: 0,
            deposit: 0,
            total: price.total,
            note: `Buy-out of rental ${rental.number}`,
            at,
          },
          lines,
        );
        lifecycle.move(rental, 'Returned', user.id, `bought out as ${number}`, {
          at: now,
          keepStock: true,
        });
        rentals.converted(id, saleId);
        audit.record({
          actorUserId: user.id,
          action: 'order.bought_out',
          targetType: 'order',
          targetId: rental.uuid,
          detail: { sale_order: number, ...price, rent_paid: rentPaid },
          at: now,
        });
        const fee = orders.find(id)!.row.overdue_fee as number;
        return { rental, saleId, number, ...price, overdueFee: fee };
      });
    },
  };
}

export type RentalsService = ReturnType<typeof createRentalsService>;
