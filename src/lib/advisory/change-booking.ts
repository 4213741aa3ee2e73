import { rpc } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import type { Result } from '../result.ts';
import { checked, type PublicWriteMeta } from '../tickets/public-write.ts';
import { cancelSchema, rescheduleSchema } from './schemas.ts';

export type Rescheduled = { code: string; startsAt: string };
export type Cancelled = { code: string; status: 'cancelled' };

/**
 * Moves a booking to another free slot of its topic, with the secret of its link. The new slot is
 * claimed and the old one released in one transaction: the booking never holds both, nor none.
 */
export async function reschedule(code: string, body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<Rescheduled>> {
  const input = checked(rescheduleSchema, body);
  if (!input.ok) return input;
  return rpc<Result<Rescheduled>>('reschedule_advisory_booking', {
    p_code: code,
    p_secret: input.value.secret,
    p_slot_id: input.value.slotId,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash({ code, ...input.value }),
  });
}

/** Cancels a booking with the secret of its link; the slot is free again at once. */
export async function cancel(code: string, body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<Cancelled>> {
  const input = checked(cancelSchema, body);
  if (!input.ok) return input;
  return rpc<Result<Cancelled>>('cancel_advisory_booking', {
    p_code: code,
    p_secret: input.value.secret,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash({ code, ...input.value }),
  });
}
