import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import type { SessionsService } from '#main/backend/modules/sessions/sessions.service';
import { errorResponses } from '#shared/contracts/common';
import {
  DeviceParamsSchema,
  DeviceSchema,
  PairBodySchema,
  PairedDeviceSchema,
  RenameBodySchema,
  TransportStatusSchema,
} from '#shared/contracts/devices';
import { STAFF_ROLES } from '#shared/contracts/roles';
import { Success } from '#shared/contracts/store';
import type { DeviceManager } from './device-manager.ts';
import type { Device } from './devices.repo.ts';
import type { DevicesService } from './devices.service.ts';
import { qrPayload } from './qr-payload.ts';

const errors = errorResponses(400, 401, 403, 404);

/** `/api/v1/devices`: the store's carts, their links and sessions, pairing and retiring. */
export async function devicesRoutes(
  app: App,
  deps: {
    devices: DevicesService;
    manager: DeviceManager;
    sessions: SessionsService;
    guard: AuthGuard;
  },
) {
  const { devices, manager, sessions, guard } = deps;
  const staff = guard.required(STAFF_ROLES);
  const admin = guard.required(['admin']);
  const tags = ['devices'];
  const ok = <T>(data: T, code = 200) => ({ status: 'success' as const, code, data });

  const view = (d: Device) => {
    const session = sessions.openForDevice(d.id);
    return {
      id: d.id,
      uuid: d.uuid,
      cart_code: d.cartCode,
      name: d.name,
      status: d.status,
      firmware: d.firmware,
      last_seen_at: d.lastSeenAt,
      qr_payload: qrPayload(d.cartCode, d.qrToken),
      link: manager.linkOf(d.id),
      session: session
        ? { id: session.uuid, customer_name: session.customerName, status: session.status }
        : null,
    };
  };

  app.get(
    '/api/v1/devices',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Carts with live link and session',
        security: bearerSecurity,
        response: { 200: Success(Type.Array(DeviceSchema)), ...errors },
      },
    },
    async () => ok(devices.list().map(view)),
  );

  app.get(
    '/api/v1/devices/transports',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Serial, USB and TCP: available here, and why not',
        security: bearerSecurity,
        response: { 200: Success(TransportStatusSchema), ...errors },
      },
    },
    async () => ok(await manager.transports()),
  );

  app.post(
    '/api/v1/devices',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Pair a cart: returns its key (shown once) and QR payload',
        security: bearerSecurity,
        body: PairBodySchema,
        response: { 201: Success(PairedDeviceSchema), ...errors },
      },
    },
    async (req, reply) => {
      const d = devices.pair(req.user!, { name: req.body.name, cartCode: req.body.cart_code });
      return reply.status(201).send(
        ok(
          {
            id: d.id,
            uuid: d.uuid,
            cart_code: d.cartCode,
            name: d.name,
            key: d.secretKey,
            qr_payload: qrPayload(d.cartCode, d.qrToken),
          },
          201,
        ),
      );
    },
  );

  app.patch(
    '/api/v1/devices/:device_id',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Rename a cart',
        security: bearerSecurity,
        params: DeviceParamsSchema,
        body: RenameBodySchema,
        response: { 200: Success(DeviceSchema), ...errors },
      },
    },
    async (req) => ok(view(devices.rename(req.user!, req.params.device_id, req.body.name))),
  );

  app.post(
    '/api/v1/devices/:device_id/retire',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Retire a cart: its key stops working and its link is dropped',
        security: bearerSecurity,
        params: DeviceParamsSchema,
        response: { 200: Success(DeviceSchema), ...errors },
      },
    },
    async (req) => {
      const d = devices.retire(req.user!, req.params.device_id);
      manager.disconnect(d.id);
      return ok(view(d));
    },
  );
}
