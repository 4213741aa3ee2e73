import { rpc } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import type { Result } from '../result.ts';
import { checked, type PublicWriteMeta } from '../tickets/public-write.ts';
import { subscriptionInput, tokenInput } from './schemas.ts';

export type SubscriptionState = { status: 'pending' | 'confirmed' | 'unsubscribed' };

/**
 * Signs an address up for invitations. One SQL call records the consent, the pending subscriber and the
 * confirmation e-mail (outbox) together; the same answer comes back for an address already on the list.
 */
export async function subscribe(body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<SubscriptionState>> {
  const input = checked(subscriptionInput, body);
  if (!input.ok) return input;
  const v = input.value;
  return rpc<Result<SubscriptionState>>('subscribe_to_invitations', {
    p_email: v.email,
    p_full_name: v.fullName ?? null,
    p_organisation: v.organisation ?? null,
    p_consent: v.consent,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash(v),
  });
}

/** Confirms the sign-up behind the e-mailed link (the second step of the double opt-in). */
export async function confirmSubscription(body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<SubscriptionState>> {
  const input = checked(tokenInput, body);
  if (!input.ok) return input;
  return rpc<Result<SubscriptionState>>('confirm_subscription', { p_token: input.value.token, p_client: meta.client });
}

/** Stops every message to the address behind an unsubscribe link. */
export async function unsubscribe(body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<SubscriptionState>> {
  const input = checked(tokenInput, body);
  if (!input.ok) return input;
  return rpc<Result<SubscriptionState>>('unsubscribe_from_invitations', { p_token: input.value.token, p_client: meta.client });
}
