import type { Frame } from './frame.codec.ts';
import type { LinkStats } from './link-stats.ts';
import { FIRST_SEQ, isSeq, nextSeq, seqDistance } from './seq.ts';

/**
 * The receiving half of a reliable link: delivers each sequenced frame exactly once and in
 * order. This is what makes "a corrupted, duplicated or replayed frame never changes a cart
 * twice" true: anything at or behind the delivery point is acknowledged again and dropped.
 */

export interface LinkReceiverDeps {
  window: number;
  /** Called in sequence order, once per seq. */
  deliver(frame: Frame): void;
  sendAck(seq: number): void;
  stats: LinkStats;
}

export function createLinkReceiver(deps: LinkReceiverDeps) {
  const { stats } = deps;
  let expected = FIRST_SEQ;
  const early = new Map<number, Frame>();

  return {
    accept(frame: Frame): void {
      const ahead = isSeq(frame.seq) ? seqDistance(expected, frame.seq) : Infinity;
      // A conforming sender never gets this far ahead (its window is ours). Storing it would
      // let a confused or hostile peer grow our memory; acknowledging it without storing would
      // lose it, so it is dropped unacknowledged and the sender's retries decide.
      if (ahead >= deps.window) {
        stats.outOfWindow++;
        return;
      }
      // Every frame we hold or have delivered is acknowledged, duplicates too: a duplicate
      // usually means our previous ACK was lost, and only a new ACK stops the retransmissions.
      deps.sendAck(frame.seq);
      if (ahead < 0 || early.has(frame.seq)) {
        stats.duplicates++;
        return;
      }
      if (ahead > 0) stats.outOfOrder++;
      early.set(frame.seq, frame);
      // Advance before delivering, so a handler that re-enters the link sees consistent state.
      for (let ready = early.get(expected); ready; ready = early.get(expected)) {
        early.delete(expected);
        expected = nextSeq(expected);
        deps.deliver(ready);
      }
    },
  };
}
