import { Type } from 'typebox';
import type { App } from '#main/backend/http/app-type';
import { ok } from '#main/backend/http/envelope';
import { bearerSecurity, type AuthGuard } from '#main/backend/http/auth-guard';
import { notFound } from '#main/backend/http/errors';
import { errorResponses } from '#shared/contracts/common';
import { STAFF_ROLES } from '#shared/contracts/roles';
import {
  BindSessionBodySchema,
  ExceptionParamsSchema,
  FinishBodySchema,
  ResolveBodySchema,
  SessionItemParamsSchema,
  SessionParamsSchema,
  SessionViewSchema,
} from '#shared/contracts/sessions';
import { Success } from '#shared/contracts/store';
import { sessionView } from './session-view.ts';
import type { SessionsService } from './sessions.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** Shopping sessions: bind a cart by QR, watch and edit its cart, hand it to checkout. */
export async function sessionsRoutes(
  app: App,
  { sessions, guard }: { sessions: SessionsService; guard: AuthGuard },
) {
  const tags = ['sessions'];
  const signedIn = guard.required();
  const staff = guard.required(STAFF_ROLES);
  const one = { 200: Success(SessionViewSchema), ...errors };

  app.post(
    '/api/v1/sessions',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Start shopping: bind the signed-in customer to the cart whose QR code was scanned',
        security: bearerSecurity,
        body: BindSessionBodySchema,
        response: { 201: Success(SessionViewSchema), ...errors },
      },
    },
    async (req, reply) => {
      const session = sessions.bind(req.user!, req.body.qr);
      return reply.status(201).send(ok(sessionView(sessions.snapshot(session)), 201));
    },
  );

  app.get(
    '/api/v1/sessions/current',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: "The signed-in customer's open session",
        security: bearerSecurity,
        response: one,
      },
    },
    async (req) => {
      const session = sessions.current(req.user!);
      if (!session) throw notFound('Bạn chưa có phiên mua sắm nào đang mở');
      return ok(sessionView(sessions.snapshot(session)));
    },
  );

  app.get(
    '/api/v1/sessions',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Every open session (staff)',
        security: bearerSecurity,
        response: { 200: Success(Type.Array(SessionViewSchema)), ...errors },
      },
    },
    async () => ok(sessions.allOpen().map((s) => sessionView(sessions.snapshot(s)))),
  );

  app.get(
    '/api/v1/sessions/:session_id',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'A session (its customer, or staff)',
        security: bearerSecurity,
        params: SessionParamsSchema,
        response: one,
      },
    },
    async (req) =>
      ok(sessionView(sessions.snapshot(sessions.ownedBy(req.user!, req.params.session_id)))),
  );

  app.delete(
    '/api/v1/sessions/:session_id/items/:variant_id',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Remove one unit from the cart (put it back out of the cart too: the scale checks)',
        security: bearerSecurity,
        params: SessionItemParamsSchema,
        response: one,
      },
    },
    async (req) =>
      ok(
        sessionView(
          sessions.removeFromPhone(req.user!, req.params.session_id, req.params.variant_id),
        ),
      ),
  );

  app.post(
    '/api/v1/sessions/:session_id/checkout',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Hand the cart to checkout (locks it)',
        security: bearerSecurity,
        params: SessionParamsSchema,
        response: one,
      },
    },
    async (req) => ok(sessionView(sessions.checkout(req.user!, req.params.session_id))),
  );

  app.post(
    '/api/v1/sessions/:session_id/abandon',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'End an abandoned session (staff)',
        security: bearerSecurity,
        params: SessionParamsSchema,
        body: FinishBodySchema,
        response: one,
      },
    },
    async (req) =>
      ok(
        sessionView(
          sessions.finish(
            req.user!,
            req.params.session_id,
            'abandoned',
            req.body.reason ?? 'staff',
          ),
        ),
      ),
  );

  app.post(
    '/api/v1/sessions/:session_id/exceptions/:exception_id/resolve',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Resolve a scan/weight/recognition mismatch (staff)',
        security: bearerSecurity,
        params: ExceptionParamsSchema,
        body: ResolveBodySchema,
        response: one,
      },
    },
    async (req) =>
      ok(
        sessionView(
          sessions.resolveException(
            req.user!,
            req.params.session_id,
            req.params.exception_id,
            req.body.resolution,
          ),
        ),
      ),
  );
}
