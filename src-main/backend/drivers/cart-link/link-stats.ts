/** Counters a reliable link keeps; exposed live for metrics and for the console's cart view. */
export interface LinkStats {
  /** Frames written to the transport, ACKs, heartbeats and retransmissions included. */
  framesSent: number;
  /** Valid frames read from the transport, ACKs and duplicates included. */
  framesReceived: number;
  messagesSent: number;
  /** Messages handed to onMessage (heartbeats are not). */
  messagesDelivered: number;
  acksSent: number;
  acksReceived: number;
  /** ACKs for nothing in flight: late ACKs of a retransmitted frame, or junk. */
  staleAcks: number;
  heartbeatsSent: number;
  retransmits: number;
  /** Frames received again (retransmissions, replays): acknowledged, not delivered again. */
  duplicates: number;
  /** Frames that arrived ahead of a gap and waited for it to fill. */
  outOfOrder: number;
  /** Frames too far ahead to buffer, or with seq 0: dropped without an ACK. */
  outOfWindow: number;
  cobsErrors: number;
  crcErrors: number;
  versionErrors: number;
  lengthErrors: number;
  overflowErrors: number;
  /** Intact frames whose payload is not a UTF-8 JSON object: acknowledged and skipped. */
  malformedPayloads: number;
  /** Exceptions thrown by onMessage, contained so one bad handler cannot wedge the link. */
  handlerErrors: number;
  /** Exceptions thrown by the transport's send; the frame counts as lost. */
  sendErrors: number;
}

export function createLinkStats(): LinkStats {
  return {
    framesSent: 0,
    framesReceived: 0,
    messagesSent: 0,
    messagesDelivered: 0,
    acksSent: 0,
    acksReceived: 0,
    staleAcks: 0,
    heartbeatsSent: 0,
    retransmits: 0,
    duplicates: 0,
    outOfOrder: 0,
    outOfWindow: 0,
    cobsErrors: 0,
    crcErrors: 0,
    versionErrors: 0,
    lengthErrors: 0,
    overflowErrors: 0,
    malformedPayloads: 0,
    handlerErrors: 0,
    sendErrors: 0,
  };
}
