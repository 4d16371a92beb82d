import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './app-type.ts';
import { ErrorCode, type ErrorBody } from '#shared/errors';

/**
 * A rule of the domain was broken by the caller. Services throw these; the one error handler
 * below turns them into `{ detail, code }` answers. Anything else is a bug and answers 500.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (detail: string, field?: string) =>
  new DomainError(400, ErrorCode.validation, detail, field);
export const unauthenticated = (detail: string) =>
  new DomainError(401, ErrorCode.unauthenticated, detail);
export const forbidden = (detail: string) => new DomainError(403, ErrorCode.forbidden, detail);
export const notFound = (detail: string) => new DomainError(404, ErrorCode.notFound, detail);
export const conflict = (detail: string, field?: string) =>
  new DomainError(409, ErrorCode.conflict, detail, field);

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The field an AJV issue is about: the missing property, or the path of the bad value. */
export function issueField(issue: ValidationIssue): string {
  const missing = issue.params.missingProperty ?? issue.params.additionalProperty;
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (typeof missing === 'string') return path ? `${path}.${missing}` : missing;
  return path;
}

export function describeIssue(issue: ValidationIssue, context?: string): string {
  const field = issueField(issue) || context || 'request';
  if (issue.keyword === 'required') return `${field} is required`;
  if (issue.keyword === 'enum' && Array.isArray(issue.params.allowedValues)) {
    return `${field} must be one of ${issue.params.allowedValues.join(', ')}`;
  }
  return `${field} ${issue.message ?? 'is invalid'}`;
}

/** Fastify's own client errors, given plain names and stable codes. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: ErrorCode.badJson,
    detail: 'Request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: ErrorCode.badJson,
    detail: 'Request body is empty but content-type is application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: ErrorCode.bodyTooLarge,
    detail: 'Request body is larger than this server accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: ErrorCode.unsupportedMediaType,
    detail: 'Unsupported content-type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: ErrorCode.validation,
    detail: 'Content-Length does not match the body',
  },
};

/** Seed 003's routes (`/api/...` but not `/api/v1/...`) also say `success: false`. */
function shapeFor(req: FastifyRequest, body: ErrorBody): ErrorBody {
  const path = req.url;
  return path.startsWith('/api/') && !path.startsWith('/api/v1/')
    ? { success: false, ...body }
    : body;
}

/** For Fastify's `frameworkErrors`: the router refused the URL before any route ran. */
export function sendFrameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  void reply
    .status(status)
    .send(shapeFor(req, { detail: error.message, code: error.code ?? ErrorCode.validation }));
}

export function registerErrorHandling(app: App): void {
  app.setErrorHandler((error: FastifyError | DomainError, req, reply) => {
    if (error instanceof DomainError) {
      const body: ErrorBody = { detail: error.message, code: error.code };
      if (error.field) body.field = error.field;
      return reply.status(error.status).send(shapeFor(req, body));
    }
    if (error.validation && error.validation.length > 0) {
      const issue = error.validation[0] as ValidationIssue;
      const body: ErrorBody = {
        detail: describeIssue(issue, error.validationContext),
        code: ErrorCode.validation,
      };
      const field = issueField(issue);
      if (field) body.field = field;
      return reply.status(400).send(shapeFor(req, body));
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) {
      return reply.status(error.statusCode ?? 400).send(shapeFor(req, { ...known }));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send(shapeFor(req, { detail: error.message, code: error.code ?? ErrorCode.validation }));
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(shapeFor(req, { detail: 'Internal server error', code: ErrorCode.internal }));
  });

  // Unknown routes count against the rate limit too, or probing them would be free.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (req, reply) => {
    reply.status(404).send(
      shapeFor(req, {
        detail: `No route for ${req.method} ${req.url.split('?')[0]}`,
        code: ErrorCode.notFound,
      }),
    );
  });
}
