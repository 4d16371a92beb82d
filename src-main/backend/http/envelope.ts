// Seed 002's success envelope, also used by every `/api/v1` route (SPEC §2); the schemas are
// `Success`/`SuccessMessage` in src-shared/contracts/store.ts.

/** `{ status: "success", code, data }`. */
export const ok = <T>(data: T, code = 200) => ({ status: 'success' as const, code, data });

/** `{ status: "success", code: 200, message }`, for changes that answer only a message. */
export const okMessage = (message: string) => ({
  status: 'success' as const,
  code: 200,
  message,
});
