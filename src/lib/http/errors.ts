import { MESSAGES } from '../error-messages.ts';
import type { DomainError, ErrorCode } from '../result.ts';

export const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  closed: 409,
  sold_out: 409,
  slot_taken: 409,
  duplicate: 409,
  locked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function errorBody(error: DomainError) {
  return {
    error: {
      code: error.code,
      message: error.message ?? MESSAGES[error.code],
      ...(error.fields && Object.keys(error.fields).length > 0 ? { fields: error.fields } : {}),
      ...(error.remaining !== undefined ? { remaining: error.remaining } : {}),
    },
  };
}
