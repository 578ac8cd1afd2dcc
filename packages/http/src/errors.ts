import { isRectifyError, RectifyError } from '@rectify/core';

/**
 * The HTTP status of every error code of rectify, and of the API's own: one table, so
 * that a client can switch on `code` and a status never depends on the route. Codes are
 * matched whole first, then by their first part (`rule.*`).
 */
export const HTTP_STATUS: Readonly<Record<string, number>> = {
  validation: 400,
  'http.bad_request': 400,
  'http.unauthenticated': 401,
  'permission.denied': 403,
  not_found: 404,
  'http.not_found': 404,
  'http.method_not_allowed': 405,
  'lifecycle.invalid_transition': 409,
  'concurrency.conflict': 409,
  'bundle.ambiguous': 409,
  'outbox.not_claimed': 409,
  'http.precondition_failed': 412,
  'http.too_large': 413,
  'http.unsupported_media_type': 415,
  rule: 422,
  'rule.unmet': 422,
  'calendar.no_working_day': 422,
  'calendar.unknown_day': 422,
  'report.limit': 422,
  'storage.unsupported': 501,
  'storage.unavailable': 503,
  storage: 500,
};

/** The status of an error code, by {@link HTTP_STATUS}; 500 for one it does not know. */
export function statusOf(code: string): number {
  return HTTP_STATUS[code] ?? HTTP_STATUS[code.split('.')[0]!] ?? 500;
}

/** An error of the API itself (a bad request, no login, a body too large), with a code of {@link HTTP_STATUS}. */
export class HttpError extends RectifyError {
  constructor(code: `http.${string}`, message: string, details: Record<string, unknown> = {}) {
    super(code, message, { details });
  }
}

/** The body of every error answer: RFC 9457 problem details, with rectify's code and details. */
export interface Problem {
  /** `https://rectify.dev/errors/CODE`, a stable name for the kind of problem. */
  type: string;
  title: string;
  status: number;
  /** rectify's error code, e.g. `rule.unmet`, `permission.denied`. */
  code: string;
  /** What went wrong, for people (in English). */
  detail: string;
  /** Structured facts: the unmet rules, the validation issues with their paths, the versions of a conflict. */
  details?: Record<string, unknown>;
}

const TITLES: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthenticated', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed',
  409: 'Conflict', 412: 'Precondition failed', 413: 'Payload too large', 415: 'Unsupported media type',
  422: 'Unprocessable content', 500: 'Internal error', 501: 'Unsupported by this store', 503: 'Service unavailable',
};

/**
 * The answer to an error: a problem document with the status of its code. An error that
 * is not rectify's (a bug) is answered 500 with nothing of its message, which might
 * carry data, and handed to `onError` for the log.
 */
export function problemResponse(error: unknown, onError?: (error: unknown) => void): Response {
  if (!isRectifyError(error)) {
    onError?.(error);
    return json({ type: 'https://rectify.dev/errors/internal', title: TITLES[500]!, status: 500, code: 'internal', detail: 'The request could not be answered; the server log has the cause.' }, 500);
  }
  const status = statusOf(error.code);
  if (status >= 500) onError?.(error);
  const body: Problem = {
    type: `https://rectify.dev/errors/${error.code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code: error.code,
    detail: status >= 500 && status !== 501 && status !== 503 ? 'The store could not answer; the server log has the cause.' : error.message,
    ...(status < 500 && Object.keys(error.details).length > 0 ? { details: error.details } : {}),
  };
  const headers: Record<string, string> = error.code === 'storage.unavailable' || error.retryable ? { 'retry-after': '1' } : {};
  return json(body, status, headers);
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers } });
}
