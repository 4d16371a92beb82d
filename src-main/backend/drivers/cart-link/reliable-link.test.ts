import { describe, expect, it } from 'vitest';
import { createFrameDecoder, encodeFrame } from './frame.codec.ts';
import type { Frame } from './frame.codec.ts';
import { CartLinkError } from './link-errors.ts';
import { createLinkPair, flushPromises, track } from './link-pair.fake.ts';
import { createManualTime } from './manual-time.fake.ts';
import { MessageType } from './messages.ts';
import { encodePayload } from './payload.codec.ts';
import { createReliableLink } from './reliable-link.ts';

/** A link alone, fed by hand, with every frame it writes decoded for inspection. */
function soloLink(onMessage: (type: number, payload: unknown) => void = () => {}) {
  const time = createManualTime();
  const written: Uint8Array[] = [];
  const deaths: number[] = [];
  const link = createReliableLink({
    send: (bytes) => written.push(bytes),
    onMessage,
    onDead: () => deaths.push(time.now()),
    clock: time.clock,
    timers: time.timers,
  });
  const acksWritten = () => {
    const acks: number[] = [];
    const decoder = createFrameDecoder(
      (f) => f.type === MessageType.ACK && acks.push(f.ack),
      () => {},
    );
    for (const bytes of written) decoder.push(bytes);
    return acks;
  };
  return { time, link, written, deaths, acksWritten };
}

const frame = (seq: number, payload: object, type: number = MessageType.ITEM_SCANNED): Frame => ({
  type,
  flags: 0,
  seq,
  ack: 0,
  payload: encodePayload(payload),
});

describe('reliable link', () => {
  it('delivers a message and resolves the send when it is acknowledged', async () => {
    const { a, b, time } = createLinkPair({});
    const sent = track([
      b.link.sendMessage(MessageType.HELLO, { cart_id: 'C-07', firmware: '1', protocol: 1 }),
    ]);
    time.advance(10);
    await flushPromises();
    expect(a.received).toEqual([
      { type: MessageType.HELLO, payload: { cart_id: 'C-07', firmware: '1', protocol: 1 } },
    ]);
    expect(sent.resolved).toBe(1);
    expect(b.link.stats).toMatchObject({ framesSent: 1, framesReceived: 1, acksReceived: 1 });
  });

  it('keeps at most `window` frames unacknowledged and queues the rest', () => {
    const { a, time, aToB, bToA } = createLinkPair({ tuning: { window: 8 } });
    bToA.setCut(true);
    for (let i = 0; i < 20; i++)
      a.link.sendMessage(MessageType.DISPLAY, { text: `${i}` }).catch(() => {});
    expect(aToB.counts.sent).toBe(8);
    time.advance(160);
    // Only the eight in flight are retried; nothing new goes out while the window is full.
    expect(aToB.counts.sent).toBe(16);
    expect(a.link.stats.retransmits).toBe(8);
  });

  it('acknowledges duplicates and replays again but delivers them once', () => {
    const received: unknown[] = [];
    const { link, acksWritten } = soloLink((_t, p) => received.push(p));
    const first = encodeFrame(frame(1, { barcode: 'A' }));
    link.receive(first);
    link.receive(first);
    link.receive(encodeFrame(frame(2, { barcode: 'B' })));
    link.receive(first); // a replay long after delivery
    expect(received).toEqual([{ barcode: 'A' }, { barcode: 'B' }]);
    expect(acksWritten()).toEqual([1, 1, 2, 1]);
    expect(link.stats.duplicates).toBe(2);
  });

  it('buffers frames that overtake a gap and delivers them when it fills', () => {
    const received: unknown[] = [];
    const { link, acksWritten } = soloLink((_t, p) => received.push(p));
    for (const seq of [3, 2, 5, 4]) link.receive(encodeFrame(frame(seq, { barcode: `${seq}` })));
    expect(received).toEqual([]);
    link.receive(encodeFrame(frame(1, { barcode: '1' })));
    expect(received.map((p) => (p as { barcode: string }).barcode)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(acksWritten()).toEqual([3, 2, 5, 4, 1]);
    expect(link.stats.outOfOrder).toBe(4);
  });

  it('drops without an ACK a frame beyond the window or with seq 0', () => {
    const received: unknown[] = [];
    const { link, acksWritten } = soloLink((_t, p) => received.push(p));
    link.receive(encodeFrame(frame(9, { barcode: 'far' })));
    link.receive(encodeFrame(frame(0, { barcode: 'zero' })));
    expect(received).toEqual([]);
    expect(acksWritten()).toEqual([]);
    expect(link.stats.outOfWindow).toBe(2);
  });

  it('acknowledges and skips an intact frame whose payload is not a JSON object', () => {
    const received: unknown[] = [];
    const { link, acksWritten } = soloLink((_t, p) => received.push(p));
    const junk = { ...frame(1, {}), payload: new TextEncoder().encode('[1,2') };
    link.receive(encodeFrame(junk));
    link.receive(encodeFrame({ ...frame(2, {}), payload: new Uint8Array([0xff, 0xfe]) }));
    link.receive(encodeFrame(frame(3, { barcode: 'ok' })));
    expect(received).toEqual([{ barcode: 'ok' }]);
    expect(acksWritten()).toEqual([1, 2, 3]);
    expect(link.stats.malformedPayloads).toBe(2);
  });

  it('contains a throwing handler and keeps delivering', () => {
    let calls = 0;
    const { link } = soloLink(() => {
      calls++;
      throw new Error('handler bug');
    });
    link.receive(encodeFrame(frame(1, {})));
    link.receive(encodeFrame(frame(2, {})));
    expect(calls).toBe(2);
    expect(link.stats.handlerErrors).toBe(2);
  });

  it('sends heartbeats when idle, never delivers them, and stays alive', () => {
    const { a, b, time } = createLinkPair({});
    time.advance(30_000);
    expect(a.link.stats.heartbeatsSent).toBeGreaterThanOrEqual(29);
    expect(b.link.stats.heartbeatsSent).toBeGreaterThanOrEqual(29);
    expect(a.received).toEqual([]);
    expect(a.deaths).toEqual([]);
    expect(b.deaths).toEqual([]);
  });

  it('declares the link dead deadAfterMs after the last frame heard, once', async () => {
    const { a, b, time, aToB, bToA } = createLinkPair({});
    time.advance(2_345);
    aToB.setCut(true);
    bToA.setCut(true);
    const lastHeard = bToA.lastDeliveredAt();
    const pending = track([a.link.sendMessage(MessageType.LOCK, { locked: true })]);
    time.advance(20_000);
    expect(a.deaths).toHaveLength(1);
    expect(a.deaths[0]! - lastHeard).toBe(3_500);
    expect(b.deaths).toHaveLength(1);
    await flushPromises();
    expect(pending.rejected).toEqual([expect.objectContaining({ code: 'LINK_DEAD' })]);
    await expect(a.link.sendMessage(MessageType.LOCK, { locked: false })).rejects.toThrow(
      CartLinkError,
    );
  });

  it('declares the link dead when a frame exhausts its retries', async () => {
    // One-way failure: the cart still hears the terminal (so silence alone would not do).
    const { a, time, aToB } = createLinkPair({});
    aToB.setCut(true);
    const start = time.now();
    const pending = track([a.link.sendMessage(MessageType.LOCK, { locked: true })]);
    time.advance(10_000);
    expect(a.deaths).toHaveLength(1);
    expect(a.link.stats.retransmits).toBe(6);
    // 150 + 300 + 600 + then capped at the 1000 ms heartbeat interval, 4 times.
    expect(a.deaths[0]! - start).toBe(5_050);
    await flushPromises();
    expect(pending.rejected).toHaveLength(1);
  });

  it('close() rejects unsettled sends, stops timers and does not report death', async () => {
    const { a, time, bToA } = createLinkPair({});
    bToA.setCut(true);
    const pending = track([a.link.sendMessage(MessageType.LOCK, { locked: true })]);
    a.link.close();
    time.advance(20_000);
    await flushPromises();
    expect(pending.rejected).toEqual([expect.objectContaining({ code: 'LINK_CLOSED' })]);
    expect(a.deaths).toEqual([]);
    expect(a.link.stats.framesSent).toBe(1);
  });

  it('rejects what it must not send', async () => {
    const { link } = soloLink();
    await expect(
      link.sendMessage(MessageType.DISPLAY, { text: 'x'.repeat(5_000) }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const untyped = link.sendMessage as (type: number, payload: object) => Promise<void>;
    await expect(untyped(MessageType.ACK, {})).rejects.toMatchObject({ code: 'BAD_MESSAGE_TYPE' });
    expect(() => createReliableLink({ ...soloOptions(), window: 0 })).toThrow(RangeError);
  });
});

function soloOptions() {
  const time = createManualTime();
  return { send() {}, onMessage() {}, onDead() {}, clock: time.clock, timers: time.timers };
}
