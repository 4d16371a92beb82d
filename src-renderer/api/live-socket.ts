import type { SessionView } from '#shared/contracts/sessions';

export type LiveEventName =
  | 'session_started'
  | 'item_added'
  | 'item_removed'
  | 'exception_opened'
  | 'exception_resolved'
  | 'checkout_started'
  | 'order_paid'
  | 'session_ended'
  | 'button_pressed';

export interface LiveEvent {
  session: string;
  version: number;
  event: LiveEventName;
  data: unknown;
}

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'refused';

type LiveMessage =
  | { type: 'snapshot'; session: string; version: number; data: SessionView }
  | ({ type: 'event' } & LiveEvent)
  | { type: 'pong' };

export interface LiveOptions {
  token: string;
  /** One session's id, or `*` for every open session (staff only). */
  session: string;
  onSnapshot(view: SessionView): void;
  onEvent(event: LiveEvent): void;
  onStatus?(status: LiveStatus): void;
}

/** The server's application close codes: retrying would only be refused again. */
const FINAL_CLOSE_CODES = new Set([4401, 4403, 4404]);
const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000];
/** Only single-session subscriptions answer `ping`; a silent socket there is a dead one. */
const PING_EVERY_MS = 20_000;
const PONG_WITHIN_MS = 8_000;

function liveUrl(token: string, session: string, since: number | undefined): string {
  const url = new URL('/api/v1/live', window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  url.search = '';
  url.searchParams.set('token', token);
  url.searchParams.set('session', session);
  if (since !== undefined) url.searchParams.set('since', String(since));
  return url.toString();
}

/**
 * A live subscription that survives drops: it reconnects with exponential backoff, asks a
 * single session's stream for what it missed (`since`), and hands on each session's snapshots
 * and events in version order, skipping any version it has already passed on.
 */
export function openLive(options: LiveOptions): { close(): void } {
  const versions = new Map<string, number>();
  const single = options.session !== '*';
  let socket: WebSocket | null = null;
  let attempt = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  const isNew = (session: string, version: number, allowSame: boolean) => {
    const known = versions.get(session);
    if (known !== undefined && (allowSame ? version < known : version <= known)) return false;
    versions.set(session, version);
    return true;
  };

  function handle(message: LiveMessage): void {
    clearTimeout(pongTimer);
    if (message.type === 'snapshot') {
      // A snapshot at the version already held is harmless and may be fresher than the cache.
      if (isNew(message.session, message.version, true)) options.onSnapshot(message.data);
    } else if (message.type === 'event') {
      if (isNew(message.session, message.version, false)) options.onEvent(message);
    }
  }

  function connect(): void {
    if (closed) return;
    options.onStatus?.(attempt === 0 ? 'connecting' : 'reconnecting');
    const since = single ? versions.get(options.session) : undefined;
    const ws = new WebSocket(liveUrl(options.token, options.session, since));
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      options.onStatus?.('open');
      if (single) pingTimer = setInterval(ping, PING_EVERY_MS);
    };
    ws.onmessage = (event) => {
      try {
        handle(JSON.parse(String(event.data)) as LiveMessage);
      } catch {
        // A malformed frame is dropped; the next snapshot or event repairs the view.
      }
    };
    ws.onclose = (event) => {
      clearInterval(pingTimer);
      clearTimeout(pongTimer);
      if (socket !== ws || closed) return;
      socket = null;
      if (FINAL_CLOSE_CODES.has(event.code)) {
        options.onStatus?.('refused');
        return;
      }
      scheduleReconnect();
    };
  }

  function ping(): void {
    if (socket?.readyState !== WebSocket.OPEN) return;
    socket.send('ping');
    clearTimeout(pongTimer);
    pongTimer = setTimeout(() => socket?.close(), PONG_WITHIN_MS);
  }

  function scheduleReconnect(): void {
    const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
    attempt += 1;
    options.onStatus?.('reconnecting');
    retryTimer = setTimeout(connect, delay);
  }

  /** A phone waking up or rejoining Wi-Fi: try at once instead of waiting out the backoff. */
  function reconnectNow(): void {
    if (closed || socket || document.visibilityState === 'hidden') return;
    clearTimeout(retryTimer);
    connect();
  }

  window.addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', reconnectNow);
  connect();

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      clearTimeout(pongTimer);
      window.removeEventListener('online', reconnectNow);
      document.removeEventListener('visibilitychange', reconnectNow);
      socket?.close();
      socket = null;
    },
  };
}
