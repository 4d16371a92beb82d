import websocket from '@fastify/websocket';
import { Type } from 'typebox';
import type { WebSocket } from 'ws';
import type { App } from '#main/backend/http/app-type';
import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { LiveEvent, LiveHub } from './live-hub.ts';
import { sessionView } from './session-view.ts';
import type { SessionsService } from './sessions.service.ts';
import { isStaffRole } from '#shared/contracts/roles';

const LiveQuerySchema = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 2000 }),
  /** A session id, or `*` (staff) for every cart. Default: the caller's open session. */
  session: Type.Optional(Type.String({ maxLength: 64 })),
  /** The last version the client applied; it receives only what came after. */
  since: Type.Optional(Type.Integer({ minimum: 0 })),
});

/** Close codes in the 4000 range (application-defined, RFC 6455 §7.4.2). */
const CLOSE = { unauthenticated: 4401, forbidden: 4403, notFound: 4404 };

/**
 * `GET /api/v1/live` (WebSocket): a snapshot, then every change as it happens, each with the
 * session's version. A client that reconnects with `since` gets exactly the events it missed
 * (or a fresh snapshot when they are too old), so nothing is lost or applied twice.
 */
export async function liveRoutes(
  app: App,
  deps: { sessions: SessionsService; live: LiveHub; guard: AuthGuard },
) {
  const { sessions, live, guard } = deps;
  await app.register(websocket, { options: { maxPayload: 4096 } });

  const send = (socket: WebSocket, message: object) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const snapshotOf = (id: string) => {
    const snap = sessions.snapshot(sessions.find(id));
    return {
      type: 'snapshot',
      session: snap.session.uuid,
      version: snap.version,
      data: sessionView(snap),
    };
  };
  const eventMessage = (e: LiveEvent) => ({
    type: 'event',
    session: e.session,
    version: e.version,
    event: e.type,
    data: e.data,
  });

  app.get(
    '/api/v1/live',
    {
      websocket: true,
      schema: {
        tags: ['sessions'],
        summary: 'Live session updates (WebSocket): snapshot, then versioned events',
        querystring: LiveQuerySchema,
      },
    },
    async (socket, req) => {
      const { token, session, since } = req.query as {
        token: string;
        session?: string;
        since?: number;
      };
      const user = await guard.fromToken(token);
      if (!user) return socket.close(CLOSE.unauthenticated, 'unauthenticated');
      const staff = isStaffRole(user.role);

      if (session === '*') {
        if (!staff) return socket.close(CLOSE.forbidden, 'forbidden');
        for (const s of sessions.allOpen()) send(socket, snapshotOf(s.uuid));
        const stop = live.subscribe('*', (e) => send(socket, eventMessage(e)));
        socket.on('close', stop);
        socket.on('message', (raw) => {
          if (String(raw) === 'ping') send(socket, { type: 'pong' });
        });
        return;
      }

      const target = session ? sessions.ownedByOrNull(user, session) : sessions.current(user);
      if (!target) return socket.close(CLOSE.notFound, 'no such session');
      // Everything below runs in one tick: no change can slip between catch-up and subscribe.
      // The kept events are used only when they bring the client exactly to the current
      // version (after a restart the ring is empty): otherwise it gets a fresh snapshot.
      const missed = since === undefined ? null : live.since(target.uuid, since);
      const current = sessions.find(target.uuid).version;
      const reached = missed === null ? -1 : (missed.at(-1)?.version ?? since!);
      if (missed && reached === current) for (const e of missed) send(socket, eventMessage(e));
      else send(socket, snapshotOf(target.uuid));
      const stop = live.subscribe(target.uuid, (e) => send(socket, eventMessage(e)));
      socket.on('close', stop);
      socket.on('message', (raw) => {
        if (String(raw) === 'ping') send(socket, { type: 'pong' });
      });
    },
  );
}
