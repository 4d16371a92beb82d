import { sql } from 'drizzle-orm';
import { check, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId, timestamps } from '#main/backend/db/columns';

/** Paired smart carts. The key is shared with the cart at pairing and proves its identity. */
export const devices = sqliteTable(
  'devices',
  {
    id: localId(),
    uuid: text('uuid').notNull(),
    /** What the cart says in HELLO and prints under its QR code, e.g. CART-007. */
    cartCode: text('cart_code').notNull(),
    name: text('name').notNull(),
    /** 32 random bytes, hex. Needed in clear to verify the cart's HMAC proof. */
    secretKey: text('secret_key').notNull(),
    /** Random token in the cart's QR code; replaced after each session so a photo can't be reused. */
    qrToken: text('qr_token').notNull(),
    status: text('status', { enum: ['active', 'retired'] })
      .notNull()
      .default('active'),
    firmware: text('firmware'),
    lastSeenAt: text('last_seen_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('devices_uuid_unique').on(t.uuid),
    uniqueIndex('devices_cart_code_unique').on(t.cartCode),
    uniqueIndex('devices_qr_token_unique').on(t.qrToken),
    check('devices_status_check', sql`${t.status} in ('active','retired')`),
  ],
);

export type DeviceRow = typeof devices.$inferSelect;
