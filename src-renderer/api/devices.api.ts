import type { Static } from 'typebox';
import type {
  DeviceSchema,
  PairedDeviceSchema,
  TransportStatusSchema,
} from '#shared/contracts/devices';
import type { ApiClient, RequestOptions } from './api-client.ts';
import type { Envelope } from './envelope.types.ts';

export type Device = Static<typeof DeviceSchema>;
export type PairedDevice = Static<typeof PairedDeviceSchema>;
export type TransportStatus = Static<typeof TransportStatusSchema>;
export type TransportName = keyof TransportStatus;

/** Every cart, with its live link and the session it is in (staff). */
export async function listDevices(api: ApiClient, options?: RequestOptions): Promise<Device[]> {
  const envelope = await api.get<Envelope<Device[]>>('/api/v1/devices', options);
  return envelope.data;
}

/** Serial, USB and TCP: whether this machine can use them, and why not. */
export async function getTransports(
  api: ApiClient,
  options?: RequestOptions,
): Promise<TransportStatus> {
  const envelope = await api.get<Envelope<TransportStatus>>('/api/v1/devices/transports', options);
  return envelope.data;
}

export interface PairRequest {
  name: string;
  /** Left out: the server picks the next free code. */
  cart_code?: string;
}

/** Admin only. The answer carries the cart's secret key: the only time it is ever shown. */
export async function pairDevice(api: ApiClient, body: PairRequest): Promise<PairedDevice> {
  const envelope = await api.post<Envelope<PairedDevice>>('/api/v1/devices', body);
  return envelope.data;
}

export async function renameDevice(api: ApiClient, id: number, name: string): Promise<Device> {
  const envelope = await api.patch<Envelope<Device>>(`/api/v1/devices/${id}`, { name });
  return envelope.data;
}

/** The cart's key stops working at once and its link is dropped; there is no undo. */
export async function retireDevice(api: ApiClient, id: number): Promise<Device> {
  const envelope = await api.post<Envelope<Device>>(`/api/v1/devices/${id}/retire`, {});
  return envelope.data;
}
