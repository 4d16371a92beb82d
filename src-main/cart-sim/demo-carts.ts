import type { Backend } from '#main/backend/index';
import { createSimCart, type SimCart } from './sim-cart.ts';
import { connectTcp } from './sim-transports.ts';

/**
 * The demo store's own carts: paired on first start, then driven by simulators over the
 * terminal's TCP cart port, so a demo shows carts online without hardware. Scan them from the
 * console's Devices page QR codes with a phone.
 */
export async function startDemoCarts(backend: Backend, count: number): Promise<SimCart[]> {
  const { devices, manager } = backend.services;
  const address = manager.tcpAddress();
  if (!address || count === 0) return [];
  const existing = devices
    .list()
    .filter((d) => d.status === 'active' && d.name.startsWith('Xe đẩy demo'));
  for (let i = existing.length; i < count; i++)
    devices.pair(null, { name: `Xe đẩy demo ${i + 1}` });
  const demo = devices
    .list()
    .filter((d) => d.status === 'active' && d.name.startsWith('Xe đẩy demo'));
  const carts: SimCart[] = [];
  for (const device of demo.slice(0, count)) {
    const host = address.host === '0.0.0.0' ? '127.0.0.1' : address.host;
    const cart = createSimCart(await connectTcp(host, address.port), {
      cartId: device.cartCode,
      key: device.secretKey,
      firmware: 'demo-sim',
    });
    await cart.connect();
    carts.push(cart);
  }
  return carts;
}
