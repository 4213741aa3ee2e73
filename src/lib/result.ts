/** Codes of the HTTP contract's error body (DESIGN.md). */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'closed'
  | 'sold_out'
  | 'slot_taken'
  | 'duplicate'
  | 'locked'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export type DomainError = {
  code: ErrorCode;
  message?: string;
  fields?: Record<string, string>;
  retryAfter?: number;
  /** sold_out: how many seats are left (fewer than asked). */
  remaining?: number;
};

/** What every use case answers; SQL write functions return this same shape as jsonb. */
export type Result<T> = { ok: true; value: T; replayed?: boolean } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: DomainError): Result<T> => ({ ok: false, error });
