import { rpc } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import type { Result } from '../result.ts';
import { checked, type PublicWriteMeta } from './public-write.ts';
import { cancelSchema } from './schemas.ts';

export type Cancellation = { code: string; cancelled: number; quantity: number };

/**
 * Gives back some or all seats of a ticket, with the secret of its link (a wrong one is not_found).
 * The seats are free again in the same transaction, offered first to the waiting list.
 */
export async function cancel(code: string, body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<Cancellation>> {
  const input = checked(cancelSchema, body);
  if (!input.ok) return input;
  return rpc<Result<Cancellation>>('cancel_registration', {
    p_code: code,
    p_secret: input.value.secret,
    p_quantity: input.value.quantity ?? null,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash({ code, ...input.value }),
  });
}
