import { expect } from 'vitest';
import type { TestResponse } from '#test/helpers/test-server';

export interface ExpectedError {
  status: number;
  code: string;
  /** The field the error must name; `undefined` means "not checked". */
  field?: string;
}

/**
 * Every refusal of the API is `{ detail, code }` (plus `field` when one field is at fault),
 * never a stack trace and never Fastify's own `{ error, message, statusCode }` shape.
 */
export function expectErrorBody(res: TestResponse, expected: ExpectedError): void {
  const context = `${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, context).toBe(expected.status);
  expect(res.headers.get('content-type') ?? '', context).toMatch(/^application\/json/);
  expect(res.body, context).toBeTypeOf('object');
  expect(typeof res.body?.detail, context).toBe('string');
  expect(res.body.detail.length, context).toBeGreaterThan(0);
  expect(res.body.code, context).toBe(expected.code);
  if (expected.field !== undefined) expect(res.body.field, context).toBe(expected.field);
  const allowed = ['detail', 'code', 'field', 'success'];
  expect(
    Object.keys(res.body).filter((k) => !allowed.includes(k)),
    context,
  ).toEqual([]);
  expect(res.text, context).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack frames
}
