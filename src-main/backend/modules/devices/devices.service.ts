import { randomBytes } from 'node:crypto';
import { badRequest, notFound } from '#main/backend/http/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';
import type { Device, DevicesRepo } from './devices.repo.ts';

export const newQrToken = () => randomBytes(16).toString('hex');

export function createDevicesService(deps: {
  repo: DevicesRepo;
  audit: AuditRepo;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;
  const record = (actor: User | null, action: string, device: Device, detail = {}) =>
    audit.record({
      actorUserId: actor?.id ?? null,
      action,
      targetType: 'device',
      targetId: device.uuid,
      detail,
      at: clock.now(),
    });

  function get(ref: string | number): Device {
    const device = repo.find(ref);
    if (!device) throw notFound('Không tìm thấy xe đẩy');
    return device;
  }

  return {
    get,
    list: () => repo.list(),
    /** Active device by the code the cart announces in HELLO. */
    byCartCode: (code: string) => {
      const d = repo.byCartCode(code);
      return d && d.status === 'active' ? d : null;
    },
    byQrToken: (token: string) => repo.byQrToken(token),

    /** Registers a cart and creates the key it must prove; the key is shown only here. */
    /** `actor` is null when the terminal pairs its own demo carts. */
    pair(actor: User | null, input: { name: string; cartCode?: string }): Device {
      const cartCode = input.cartCode?.trim().toUpperCase() || repo.nextCode();
      if (!/^[A-Z0-9-]{1,32}$/.test(cartCode)) {
        throw badRequest('Mã xe đẩy (cart_code) chỉ gồm chữ, số và dấu gạch ngang', 'cart_code');
      }
      if (repo.codeTaken(cartCode))
        throw badRequest(`Mã xe đẩy ${cartCode} đã được dùng`, 'cart_code');
      const at = clock.now().toISOString();
      const device = repo.insert({
        uuid: ids.uuid(),
        cartCode,
        name: input.name.trim(),
        secretKey: randomBytes(32).toString('hex'),
        qrToken: newQrToken(),
        createdAt: at,
        updatedAt: at,
      });
      record(actor, 'device.paired', device, { cartCode });
      return device;
    },

    rename(actor: User, ref: string, name: string): Device {
      const device = get(ref);
      repo.rename(device.id, name.trim(), clock.now().toISOString());
      record(actor, 'device.renamed', device, { from: device.name, to: name.trim() });
      return get(device.id);
    },

    retire(actor: User, ref: string): Device {
      const device = get(ref);
      repo.retire(device.id, clock.now().toISOString());
      record(actor, 'device.retired', device);
      return get(device.id);
    },

    rotateQr(deviceId: number): string {
      const token = newQrToken();
      repo.rotateQr(deviceId, token, clock.now().toISOString());
      return token;
    },

    seen: (deviceId: number, firmware: string | null) =>
      repo.seen(deviceId, firmware, clock.now().toISOString()),
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
