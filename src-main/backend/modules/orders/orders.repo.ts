import type { AppDb } from '#main/backend/db/client';
import { statementCache } from '#main/backend/db/statements';

export interface NewOrder {
  uuid: string;
  number: string;
  kind: 'sale' | 'rental';
  userId: number | null;
  guestEmail?: string | null;
  status: string;
  source: 'store' | 'shop' | 'smart_cart' | 'counter';
  shoppingSessionId?: number | null;
  shippingAddress: object | null;
  paymentMethod: string;
  voucherCode: string | null;
  subtotal: number;
  discount: number;
  shippingFee: number;
  servicesFee: number;
  deposit: number;
  total: number;
  note: string | null;
  at: string;
}

export interface NewOrderLine {
  variantId: number;
  productName: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  rentalDays: number | null;
  lineTotal: number;
}

/** Orders, their lines and their history. Callers run these inside one transaction. */
export function createOrdersRepo(db: AppDb) {
  const sqlite = db.$client;
  const prepare = statementCache(sqlite);
  const nextValue = prepare(`
    insert into sequences (name, value) values (?, 1)
    on conflict (name) do update set value = value + 1 returning value`);
  // Taking stock succeeds only when enough sellable units are left: the check and the
  // decrement are one statement, so concurrent checkouts can never both take the last unit.
  const take = prepare(`
    update product_variants set stock = stock - @quantity, updated_at = @at
    where id = @variantId and deleted_at is null and stock - maintenance_stock >= @quantity`);

  return {
    next: (name: string) => (nextValue.get(name) as { value: number }).value,
    takeStock: (variantId: number, quantity: number, at: string) =>
      take.run({ variantId, quantity, at }).changes === 1,
    insert(o: NewOrder, lines: NewOrderLine[]): number {
      const id = Number(
        prepare(
          `insert into orders (uuid, number, kind, user_id, guest_email, status, source, shopping_session_id,
               shipping_address, payment_method, voucher_code, subtotal, discount, shipping_fee, services_fee,
               deposit, total, note, created_at, updated_at)
             values (@uuid, @number, @kind, @userId, @guestEmail, @status, @source, @shoppingSessionId,
               @shippingAddress, @paymentMethod, @voucherCode, @subtotal, @discount, @shippingFee, @servicesFee,
               @deposit, @total, @note, @at, @at)`,
        ).run({
          ...o,
          guestEmail: o.guestEmail ?? null,
          shoppingSessionId: o.shoppingSessionId ?? null,
          shippingAddress: o.shippingAddress ? JSON.stringify(o.shippingAddress) : null,
        }).lastInsertRowid,
      );
      const line = prepare(
        `insert into order_lines (order_id, variant_id, product_name, sku, quantity, unit_price, rental_days, line_total)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const l of lines) {
        line.run(
          id,
          l.variantId,
          l.productName,
          l.sku,
          l.quantity,
          l.unitPrice,
          l.rentalDays,
          l.lineTotal,
        );
      }
      this.event(id, null, o.status, o.userId, 'created', o.at);
      return id;
    },
    event(
      orderId: number,
      from: string | null,
      to: string,
      actor: number | null,
      note: string | null,
      at: string,
    ) {
      prepare(
        'insert into order_events (order_id, from_status, to_status, actor_user_id, note, created_at) values (?, ?, ?, ?, ?, ?)',
      ).run(orderId, from, to, actor, note, at);
    },
    find(id: number) {
      const r = prepare('select * from orders where id = ?').get(id) as
        Record<string, unknown> | undefined;
      return r
        ? {
            id: r.id as number,
            uuid: r.uuid as string,
            number: r.number as string,
            kind: r.kind as 'sale' | 'rental',
            status: r.status as string,
            userId: r.user_id as number | null,
            row: r,
          }
        : null;
    },
    setStatus: (id: number, status: string, at: string) =>
      prepare('update orders set status = ?, updated_at = ? where id = ?').run(status, at, id),
    restock: (variantId: number, quantity: number, at: string) =>
      prepare('update product_variants set stock = stock + ?, updated_at = ? where id = ?').run(
        quantity,
        at,
        variantId,
      ),
    /** Staff list: newest first, by kind, by number or customer name, and by customer. */
    adminPage(
      kind: 'all' | 'sale' | 'rental',
      search: string | null,
      limit: number,
      offset: number,
      userId: number | null = null,
    ) {
      const where = ['1 = 1'];
      const params: unknown[] = [];
      if (userId !== null) {
        where.push('o.user_id = ?');
        params.push(userId);
      }
      if (kind !== 'all') {
        where.push('o.kind = ?');
        params.push(kind);
      }
      if (search) {
        where.push("(o.number like ? or coalesce(u.name, o.guest_email, '') like ?)");
        params.push(`%${search}%`, `%${search}%`);
      }
      const from = `from orders o left join users u on u.id = o.user_id where ${where.join(' and ')}`;
      const total = prepare(`select count(*) ${from}`)
        .pluck()
        .get(...(params as [object])) as number;
      const rows = prepare(
        `select o.*, u.name as customer_name ${from} order by o.created_at desc, o.id desc limit ? offset ?`,
      ).all(...(params as [object]), limit, offset) as Record<string, unknown>[];
      return { total, rows };
    },
    /** Whether `userId` is a shop customer's account (deleted ones keep their orders). */
    isCustomer: (userId: number) =>
      prepare("select 1 from users where id = ? and role = 'customer'").get(userId) !== undefined,
    clearCart: (cartId: number) => prepare('delete from cart_items where cart_id = ?').run(cartId),
    forUser(userId: number, limit: number, offset: number) {
      const total = prepare('select count(*) from orders where user_id = ?')
        .pluck()
        .get(userId) as number;
      const rows = prepare(
        'select * from orders where user_id = ? order by created_at desc, id desc limit ? offset ?',
      ).all(userId, limit, offset) as Record<string, unknown>[];
      return { total, rows };
    },
    /** Seed 002 detail: the customer block (null for a guest order). */
    customer(userId: number | null) {
      if (userId === null) return null;
      return (
        (prepare('select id, name, phone, email, avatar_url as avatar from users where id = ?').get(
          userId,
        ) as
          | {
              id: number;
              name: string;
              phone: string | null;
              email: string | null;
              avatar: string | null;
            }
          | undefined) ?? null
      );
    },
    /** Each line's product id and primary image, for the seed 002 detail. */
    lineProducts(orderId: number) {
      const rows = prepare(`
        select l.id, v.product_id,
          (select url from product_images i where i.product_id = v.product_id
            order by i.is_primary desc, i.sort_order, i.id limit 1) as image
        from order_lines l join product_variants v on v.id = l.variant_id
        where l.order_id = ?`).all(orderId) as {
        id: number;
        product_id: number;
        image: string | null;
      }[];
      return new Map(rows.map((r) => [r.id, r]));
    },
    lines: (orderId: number) =>
      prepare('select * from order_lines where order_id = ? order by id').all(orderId) as Record<
        string,
        unknown
      >[],
    events: (orderId: number) =>
      prepare('select * from order_events where order_id = ? order by id').all(orderId) as Record<
        string,
        unknown
      >[],
    transaction: <T>(fn: () => T): T => sqlite.transaction(fn)(),
  };
}

export type OrdersRepo = ReturnType<typeof createOrdersRepo>;
