import { badRequest, conflict, forbidden, notFound } from '#main/backend/http/errors';
import { isUniqueViolation } from '#main/backend/db/errors';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { Logger } from '#main/backend/lib/logger';
import type { User } from '#main/backend/modules/accounts/accounts.repo';
import type { CartsRepo, CartView } from '#main/backend/modules/carts/carts.repo';
import type { DevicesService } from '#main/backend/modules/devices/devices.service';
import { parseQrPayload, qrPayload } from '#main/backend/modules/devices/qr-payload';
import {
  createCartVerifier,
  type CartVerifier,
  type Discrepancy,
  type VerifierOptions,
} from './cart-verifier.ts';
import type { LiveHub } from './live-hub.ts';
import { exceptionView } from './session-view.ts';
import type {
  SessionException,
  SessionsRepo,
  SessionStatus,
  ShoppingSession,
} from './sessions.repo.ts';
import type { VariantLookup } from './variant-lookup.ts';
import { isStaffRole } from '#shared/contracts/roles';

/** Messages the terminal sends to a cart; the device manager delivers them when it is online. */
export interface CartCommands {
  send(
    deviceId: number,
    type: 'SESSION_BOUND' | 'CART_CONTENTS' | 'DISPLAY' | 'LOCK' | 'SESSION_ENDED',
    payload: object,
  ): void;
}

export interface SessionSnapshot {
  session: ShoppingSession;
  cart: CartView;
  exceptions: SessionException[];
  version: number;
}

const FORGET_ENDED_AFTER_MS = 5 * 60_000;

export function createSessionsService(deps: {
  repo: SessionsRepo;
  carts: CartsRepo;
  devices: DevicesService;
  variants: VariantLookup;
  live: LiveHub;
  commands: CartCommands;
  verifier: VerifierOptions;
  idleTimeoutMs: number;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}) {
  const { repo, carts, devices, variants, live, commands, clock, ids } = deps;
  const verifiers = new Map<number, CartVerifier>();
  const now = () => clock.now();
  const verifierOf = (sessionId: number) => {
    let v = verifiers.get(sessionId);
    if (!v) verifiers.set(sessionId, (v = createCartVerifier(deps.verifier)));
    return v;
  };

  function snapshot(session: ShoppingSession): SessionSnapshot {
    const fresh = repo.find(session.id)!;
    return {
      session: fresh,
      cart: carts.view(carts.sessionCart(fresh.id, fresh.startedAt)),
      exceptions: repo.exceptions(fresh.id),
      version: fresh.version,
    };
  }

  /** Applies a change and its version bump atomically, then tells every live client. */
  function change(session: ShoppingSession, type: string, apply: (at: string) => unknown): void {
    const at = now().toISOString();
    const { version, data } = repo.transaction(() => {
      const data = apply(at);
      return { version: repo.bump(session.id, at), data };
    });
    live.publish({ session: session.uuid, version, type, data });
  }

  function pushCartToDevice(session: ShoppingSession): void {
    const view = carts.view(carts.sessionCart(session.id, session.startedAt));
    commands.send(session.deviceId, 'CART_CONTENTS', {
      items: view.items.map((i) => ({
        name: i.productName,
        quantity: i.quantity,
        unit_price: i.unitPrice,
        subtotal: i.subtotal,
      })),
      total: view.total,
    });
  }

  function raise(session: ShoppingSession, d: Discrepancy): void {
    change(session, 'exception_opened', (at) =>
      exceptionView(repo.addException(session.id, d.kind, d.detail, at)),
    );
    deps.logger.warn({ session: session.uuid, kind: d.kind }, 'cart exception');
  }

  function openSession(ref: string): ShoppingSession {
    const s = repo.find(ref);
    if (!s) throw notFound('Phiên mua sắm không tồn tại');
    return s;
  }

  function ownedBy(user: User, ref: string): ShoppingSession {
    const s = openSession(ref);
    const staff = isStaffRole(user.role);
    if (s.userId !== user.id && !staff) throw forbidden('Phiên mua sắm không thuộc tài khoản này');
    return s;
  }

  const endListeners: ((
    session: ShoppingSession,
    status: SessionStatus,
    by: number | null,
  ) => void)[] = [];

  function end(session: ShoppingSession, status: SessionStatus, by: number | null, reason: string) {
    change(session, 'session_ended', (at) => {
      repo.setStatus(session.id, status, at, by);
      return { status, reason };
    });
    for (const listener of endListeners) {
      try {
        listener(session, status, by);
      } catch (err) {
        deps.logger.error({ err, session: session.uuid }, 'session end listener failed');
      }
    }
    verifiers.delete(session.id);
    // Keep the ended session's events a little for phones catching up, then let them go.
    setTimeout(() => live.forget(session.uuid), FORGET_ENDED_AFTER_MS).unref();
    // The QR code that opened this session is spent: the cart shows a fresh one.
    const token = devices.rotateQr(session.deviceId);
    const device = devices.get(session.deviceId);
    commands.send(session.deviceId, 'SESSION_ENDED', { reason });
    commands.send(session.deviceId, 'DISPLAY', {
      text: 'Quét mã để bắt đầu mua sắm',
      qr: qrPayload(device.cartCode, token),
    });
  }

  const isOpen = (s: ShoppingSession) => s.status === 'active' || s.status === 'checkout';

  return {
    snapshot,
    find: openSession,
    ownedBy,
    /** Like ownedBy, but null instead of an error (for WebSocket subscriptions). */
    ownedByOrNull(user: User, ref: string): ShoppingSession | null {
      try {
        return ownedBy(user, ref);
      } catch {
        return null;
      }
    },
    current: (user: User) => repo.openForUser(user.id),
    openForDevice: (deviceId: number) => repo.openForDevice(deviceId),
    allOpen: () => repo.allOpen(),

    /** A signed-in phone scanned a cart's QR code: bind that customer to that cart. */
    bind(user: User, qrText: string): ShoppingSession {
      const parsed = parseQrPayload(qrText);
      if (!parsed) throw badRequest('Mã QR không phải của xe đẩy Cartstation', 'qr');
      const device = devices.byQrToken(parsed.token);
      if (!device || device.cartCode !== parsed.cartCode || device.status !== 'active') {
        // An old photo of a QR code, or a retired cart: the token has moved on.
        throw badRequest('Mã QR đã hết hạn; hãy quét mã đang hiển thị trên xe đẩy', 'qr');
      }
      if (repo.openForDevice(device.id))
        throw conflict('Xe đẩy đang được người khác sử dụng', 'qr');
      if (repo.openForUser(user.id)) throw conflict('Bạn đang có một phiên mua sắm khác');
      const at = now().toISOString();
      let id: number;
      try {
        id = repo.transaction(() => {
          const sessionId = repo.create(ids.uuid(), device.id, user.id, at);
          carts.sessionCart(sessionId, at);
          return sessionId;
        });
      } catch (err) {
        // Two phones scanning at once: the partial unique indexes let exactly one win.
        if (isUniqueViolation(err)) throw conflict('Xe đẩy đang được người khác sử dụng', 'qr');
        throw err;
      }
      devices.rotateQr(device.id);
      const session = repo.find(id)!;
      live.publish({
        session: session.uuid,
        version: session.version,
        type: 'session_started',
        data: { customer_name: user.name },
      });
      commands.send(device.id, 'SESSION_BOUND', { customer_name: user.name });
      pushCartToDevice(session);
      return session;
    },

    /** The cart scanned a barcode: one more unit in the cart, and the scale should follow. */
    scanned(deviceId: number, barcode: string): void {
      const session = repo.openForDevice(deviceId);
      if (!session || session.status !== 'active') return;
      const variant = variants.byBarcode(barcode);
      if (!variant) {
        raise(session, { kind: 'unknown_barcode', detail: { barcode } });
        return;
      }
      verifierOf(session.id).expect(1, barcode, variant.weightGrams, now().getTime());
      change(session, 'item_added', (at) => {
        const cartId = carts.sessionCart(session.id, at);
        const quantity = carts.adjust(cartId, variant.id, 1, variant.price, at);
        return {
          variant_id: variant.id,
          name: variant.productName,
          barcode,
          quantity,
          unit_price: variant.price,
        };
      });
      pushCartToDevice(session);
    },

    /** The cart scanned an item out: one unit less, and the scale should drop by its weight. */
    removedAtCart(deviceId: number, barcode: string): void {
      const session = repo.openForDevice(deviceId);
      const variant = variants.byBarcode(barcode);
      if (!session || session.status !== 'active' || !variant) return;
      verifierOf(session.id).expect(-1, barcode, variant.weightGrams, now().getTime());
      change(session, 'item_removed', (at) => {
        const cartId = carts.sessionCart(session.id, at);
        return {
          variant_id: variant.id,
          barcode,
          quantity: carts.adjust(cartId, variant.id, -1, variant.price, at),
        };
      });
      pushCartToDevice(session);
    },

    /** The customer removed an item on the phone; they must also take it out of the cart. */
    removeFromPhone(user: User, ref: string, variantId: number): SessionSnapshot {
      const session = ownedBy(user, ref);
      if (session.status !== 'active') throw conflict('Phiên mua sắm không còn mở');
      const line = snapshot(session).cart.items.find((i) => i.variantId === variantId);
      if (!line) throw notFound('Sản phẩm không có trong giỏ');
      verifierOf(session.id).expect(
        -1,
        line.barcode ?? line.sku,
        line.weightGrams,
        now().getTime(),
      );
      change(session, 'item_removed', (at) => ({
        variant_id: variantId,
        quantity: carts.adjust(
          carts.sessionCart(session.id, at),
          variantId,
          -1,
          line.unitPrice,
          at,
        ),
      }));
      pushCartToDevice(session);
      return snapshot(session);
    },

    weighed(deviceId: number, deltaGrams: number): void {
      const session = repo.openForDevice(deviceId);
      if (!session || session.status !== 'active' || deltaGrams === 0) return;
      const d = verifierOf(session.id).weighed(deltaGrams, now().getTime());
      if (d) raise(session, d);
    },

    recognised(
      deviceId: number,
      labels: { label: string; confidence: number; barcode?: string }[],
    ): void {
      const session = repo.openForDevice(deviceId);
      if (!session || session.status !== 'active') return;
      const d = verifierOf(session.id).recognised(labels, now().getTime());
      if (d) raise(session, d);
    },

    /** A cart's button: published so the console (help) and the phone (checkout) react. */
    buttonPressed(deviceId: number, button: 'help' | 'checkout'): void {
      const session = repo.openForDevice(deviceId);
      if (!session) return;
      change(session, 'button_pressed', () => ({ button }));
    },

    /** Periodic sweep: scans that never reached the scale, and carts left idle. */
    sweep(): void {
      const t = now();
      for (const session of repo.allOpen()) {
        for (const d of verifiers.get(session.id)?.overdue(t.getTime()) ?? []) raise(session, d);
      }
      const cutoff = new Date(t.getTime() - deps.idleTimeoutMs).toISOString();
      for (const session of repo.idleSince(cutoff)) end(session, 'expired', null, 'idle');
    },

    /** Hand the cart to checkout: refused while staff still have to look at something. */
    checkout(user: User, ref: string): SessionSnapshot {
      const session = ownedBy(user, ref);
      if (session.status !== 'active') throw conflict('Phiên mua sắm không còn mở');
      if (repo.openExceptionCount(session.id) > 0) {
        throw conflict('Giỏ hàng có vấn đề đang chờ nhân viên kiểm tra; chưa thể thanh toán');
      }
      if (snapshot(session).cart.items.length === 0) throw badRequest('Giỏ hàng đang trống');
      change(session, 'checkout_started', (at) => {
        repo.setStatus(session.id, 'checkout', at, user.id);
        return { status: 'checkout' };
      });
      commands.send(session.deviceId, 'LOCK', { locked: true });
      return snapshot(session);
    },

    resolveException(
      staff: User,
      ref: string,
      exceptionId: number,
      resolution: string,
    ): SessionSnapshot {
      const session = openSession(ref);
      const ex = repo.exception(exceptionId);
      if (!ex || ex.sessionId !== session.id) throw notFound('Không tìm thấy vấn đề này');
      if (ex.status !== 'open') throw conflict('Vấn đề đã được xử lý');
      change(session, 'exception_resolved', (at) => {
        repo.resolveException(ex.id, resolution, staff.id, at);
        return { id: ex.id, resolution };
      });
      return snapshot(session);
    },

    /** Staff end a session (abandoned cart), or checkout completes it. */
    finish(by: User | null, ref: string, status: 'completed' | 'abandoned', reason: string) {
      const session = openSession(ref);
      if (!isOpen(session)) throw conflict('Phiên mua sắm đã kết thúc');
      end(session, status, by?.id ?? null, reason);
      return snapshot(session);
    },

    /** A cart reconnected: resend what it should be showing. */
    resync(deviceId: number): void {
      const session = repo.openForDevice(deviceId);
      const device = devices.get(deviceId);
      if (!session) {
        commands.send(deviceId, 'DISPLAY', {
          text: 'Quét mã để bắt đầu mua sắm',
          qr: qrPayload(device.cartCode, device.qrToken),
        });
        return;
      }
      commands.send(deviceId, 'SESSION_BOUND', { customer_name: session.customerName });
      pushCartToDevice(session);
      if (session.status === 'checkout') commands.send(deviceId, 'LOCK', { locked: true });
    },

    checkoutAllowed: (sessionId: number) => repo.openExceptionCount(sessionId) === 0,

    /** Work to do when a session ends any way (e.g. cancel its unpaid pickup order). */
    onEnded(
      listener: (session: ShoppingSession, status: SessionStatus, by: number | null) => void,
    ) {
      endListeners.push(listener);
    },

    /** Back to shopping: the checkout did not go through (no order was made). */
    reopen(sessionId: number, reason: string): void {
      const session = repo.find(sessionId);
      if (!session || session.status !== 'checkout') return;
      change(session, 'checkout_cancelled', (at) => {
        repo.setStatus(session.id, 'active', at, null);
        return { status: 'active', reason };
      });
      commands.send(session.deviceId, 'LOCK', { locked: false });
    },

    /**
     * The session's order is paid: the phone hears it on the live channel, the cart unlocks
     * and shows a fresh QR code, and the session ends as completed. Repeats do nothing.
     */
    paid(sessionId: number, order: { number: string; total: number }): void {
      const session = repo.find(sessionId);
      if (!session || !isOpen(session)) return;
      change(session, 'order_paid', () => ({ order_number: order.number, total: order.total }));
      commands.send(session.deviceId, 'LOCK', { locked: false });
      end(session, 'completed', null, 'paid');
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
