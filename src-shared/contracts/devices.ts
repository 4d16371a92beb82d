import { Type } from 'typebox';

export const DeviceSchema = Type.Object({
  id: Type.Integer(),
  uuid: Type.String(),
  cart_code: Type.String(),
  name: Type.String(),
  status: Type.String(),
  firmware: Type.Union([Type.String(), Type.Null()]),
  last_seen_at: Type.Union([Type.String(), Type.Null()]),
  qr_payload: Type.String(),
  link: Type.Object({
    online: Type.Boolean(),
    transport: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    since: Type.Union([Type.String(), Type.Null()]),
  }),
  session: Type.Union([
    Type.Object({ id: Type.String(), customer_name: Type.String(), status: Type.String() }),
    Type.Null(),
  ]),
});

export const PairedDeviceSchema = Type.Object({
  id: Type.Integer(),
  uuid: Type.String(),
  cart_code: Type.String(),
  name: Type.String(),
  key: Type.String({ description: 'Shown once: load it into the cart' }),
  qr_payload: Type.String(),
});

export const PairBodySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
  cart_code: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
});
export const RenameBodySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
});
export const DeviceParamsSchema = Type.Object({ device_id: Type.String({ maxLength: 64 }) });

export const TransportStatusSchema = Type.Object({
  serial: Type.Object({
    available: Type.Boolean(),
    detail: Type.String(),
    ports: Type.Array(Type.String()),
  }),
  usb: Type.Object({ available: Type.Boolean(), detail: Type.String() }),
  tcp: Type.Object({ available: Type.Boolean(), detail: Type.String() }),
});
