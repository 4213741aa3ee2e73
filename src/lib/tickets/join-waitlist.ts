import { rpc } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import type { Result } from '../result.ts';
import { checked, type PublicWriteMeta } from './public-write.ts';
import { waitlistSchema } from './schemas.ts';

export type WaitlistPlace = { position: number; quantity: number };

/** Puts a person in the waiting line of an event with no seats left for them (one place per e-mail). */
export async function joinWaitlist(slug: string, body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<WaitlistPlace>> {
  const input = checked(waitlistSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  return rpc<Result<WaitlistPlace>>('join_waitlist', {
    p_slug: slug,
    p_full_name: v.fullName,
    p_email: v.email,
    p_quantity: v.quantity,
    p_consent: v.consent,
    p_consent_version: v.consentVersion ?? null,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash(v),
  });
}
