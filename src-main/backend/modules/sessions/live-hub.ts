/**
 * In-process pub/sub for shopping-session changes. Each session's recent events are kept in a
 * ring so a client that reconnects with the last version it saw gets exactly the events it
 * missed; when they have scrolled out, it gets a fresh snapshot instead. Nothing is lost or
 * applied twice as long as clients apply events in version order and skip versions they have.
 */

export interface LiveEvent {
  session: string;
  version: number;
  type: string;
  data: unknown;
}

type Listener = (event: LiveEvent) => void;

export function createLiveHub(options: { bufferSize?: number } = {}) {
  const bufferSize = options.bufferSize ?? 256;
  const buffers = new Map<string, LiveEvent[]>();
  const bySession = new Map<string, Set<Listener>>();
  const everything = new Set<Listener>();

  return {
    publish(event: LiveEvent): void {
      let buffer = buffers.get(event.session);
      if (!buffer) buffers.set(event.session, (buffer = []));
      buffer.push(event);
      if (buffer.length > bufferSize) buffer.shift();
      for (const listener of bySession.get(event.session) ?? []) listener(event);
      for (const listener of everything) listener(event);
    },

    /** Events after `version`, or null when some of them are no longer kept. */
    since(session: string, version: number): LiveEvent[] | null {
      const buffer = buffers.get(session) ?? [];
      const newer = buffer.filter((e) => e.version > version);
      const oldestKept = buffer[0]?.version;
      if (newer.length > 0 && oldestKept !== undefined && oldestKept > version + 1) return null;
      return newer;
    },

    /** Listen to one session's events, or to every session's (`'*'`). */
    subscribe(session: string | '*', listener: Listener): () => void {
      if (session === '*') {
        everything.add(listener);
        return () => everything.delete(listener);
      }
      let set = bySession.get(session);
      if (!set) bySession.set(session, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) bySession.delete(session);
      };
    },

    /** Drop a finished session's buffer once nobody can still be catching up on it. */
    forget(session: string): void {
      buffers.delete(session);
    },

    subscriberCount: () =>
      everything.size + [...bySession.values()].reduce((n, s) => n + s.size, 0),
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
