import type { AppDb } from '#main/backend/db/client';
import { rowByRef } from '#main/backend/db/ref';

export interface Device {
  id: number;
  uuid: string;
  cartCode: string;
  name: string;
  secretKey: string;
  qrToken: string;
  status: 'active' | 'retired';
  firmware: string | null;
  lastSeenAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface DeviceRow {
  id: number;
  uuid: string;
  cart_code: string;
  name: string;
  secret_key: string;
  qr_token: string;
  status: 'active' | 'retired';
  firmware: string | null;
  last_seen_at: string | null;
  created_at: string;
  updated_at: string;
}

const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  uuid: r.uuid,
  cartCode: r.cart_code,
  name: r.name,
  secretKey: r.secret_key,
  qrToken: r.qr_token,
  status: r.status,
  firmware: r.firmware,
  lastSeenAt: r.last_seen_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createDevicesRepo(db: AppDb) {
  const sqlite = db.$client;
  const byId = sqlite.prepare('select * from devices where id = ?');
  const byUuid = sqlite.prepare('select * from devices where uuid = ?');
  const byCode = sqlite.prepare('select * from devices where cart_code = ?');
  const byQr = sqlite.prepare('select * from devices where qr_token = ?');
  const all = sqlite.prepare("select * from devices order by status = 'retired', cart_code");
  const one = (row: unknown) => (row ? toDevice(row as DeviceRow) : null);

  return {
    find(ref: string | number): Device | null {
      return one(rowByRef(ref, byId, byUuid));
    },
    byCartCode: (code: string) => one(byCode.get(code)),
    byQrToken: (token: string) => one(byQr.get(token)),
    list: () => (all.all() as DeviceRow[]).map(toDevice),
    codeTaken: (code: string) => byCode.get(code) !== undefined,
    nextCode(): string {
      const n = sqlite.prepare('select count(*) from devices').pluck().get() as number;
      let i = n + 1;
      while (byCode.get(`CART-${String(i).padStart(3, '0')}`)) i++;
      return `CART-${String(i).padStart(3, '0')}`;
    },
    insert(values: Omit<Device, 'id' | 'status' | 'firmware' | 'lastSeenAt'>): Device {
      const { lastInsertRowid } = sqlite
        .prepare(
          `insert into devices (uuid, cart_code, name, secret_key, qr_token, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          values.uuid,
          values.cartCode,
          values.name,
          values.secretKey,
          values.qrToken,
          values.createdAt,
          values.updatedAt,
        );
      return this.find(Number(lastInsertRowid))!;
    },
    rename(id: number, name: string, at: string): void {
      sqlite.prepare('update devices set name = ?, updated_at = ? where id = ?').run(name, at, id);
    },
    retire(id: number, at: string): void {
      sqlite
        .prepare("update devices set status = 'retired', updated_at = ? where id = ?")
        .run(at, id);
    },
    rotateQr(id: number, token: string, at: string): void {
      sqlite
        .prepare('update devices set qr_token = ?, updated_at = ? where id = ?')
        .run(token, at, id);
    },
    seen(id: number, firmware: string | null, at: string): void {
      sqlite
        .prepare(
          'update devices set firmware = coalesce(?, firmware), last_seen_at = ? where id = ?',
        )
        .run(firmware, at, id);
    },
  };
}

export type DevicesRepo = ReturnType<typeof createDevicesRepo>;
