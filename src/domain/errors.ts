/**
 * Domain errors: what went wrong in the product's own terms. The HTTP layer maps `kind` to a
 * status code and the error to an RFC 9457 problem document; the CLI prints the message. `code`
 * is stable: clients and tests match on it, so never rename one.
 */

export type ErrorKind =
  | 'invalid' // 400: the request is malformed or a value is out of range
  | 'unauthenticated' // 401
  | 'payment_required' // 402: no credits left
  | 'forbidden' // 403: authenticated but not allowed
  | 'not_found' // 404: absent, or belongs to another organization
  | 'conflict' // 409: the state does not allow it (already accepted, duplicate ...)
  | 'unprocessable' // 422: well-formed but refused by a rule (personalization, cap ...)
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface FieldError {
  /** JSON pointer-ish path of the field at fault, e.g. "body" or "filters.skills.0". */
  field: string;
  message: string;
  code?: string;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    public readonly kind: ErrorKind,
    public readonly code: string,
    message: string,
    public readonly details: {
      fields?: FieldError[];
      /** Extra members of the problem document (e.g. retryAfterSeconds, suggestions). */
      extra?: Record<string, unknown>;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
  }
}

/**
 * @example
 * throw notFound('inmail'); // 404 {code: 'not_found', detail: 'inmail not found'}
 */
export function notFound(what: string): DomainError {
  return new DomainError('not_found', 'not_found', `${what} not found`);
}

export function invalid(code: string, message: string, fields: FieldError[] = []): DomainError {
  return new DomainError('invalid', code, message, { fields });
}

export function forbidden(message = 'You are not allowed to do this', code = 'forbidden'): DomainError {
  return new DomainError('forbidden', code, message);
}

export function conflict(code: string, message: string, extra?: Record<string, unknown>): DomainError {
  return new DomainError('conflict', code, message, extra ? { extra } : {});
}

export function unprocessable(
  code: string,
  message: string,
  extra?: Record<string, unknown>,
  fields?: FieldError[],
): DomainError {
  return new DomainError('unprocessable', code, message, {
    ...(extra ? { extra } : {}),
    ...(fields ? { fields } : {}),
  });
}
