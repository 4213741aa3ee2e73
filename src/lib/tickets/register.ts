import { rpc } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import type { Result } from '../result.ts';
import { checked, type PublicWriteMeta } from './public-write.ts';
import { registrationSchema, type IssuedTicket } from './schemas.ts';

/**
 * Takes seats and issues a ticket. One SQL call does it all in one transaction: idempotency, rate
 * limit, open/closed, the per-person limit, the seat claim (one conditional update) and the per-document
 * uniqueness, with the ticket e-mail queued in the outbox.
 */
export async function register(slug: string, body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<IssuedTicket>> {
  const input = checked(registrationSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  return rpc<Result<IssuedTicket>>('register_for_event', {
    p_slug: slug,
    p_full_name: v.fullName,
    p_document_type: v.documentType,
    p_document_id: v.documentId,
    p_email: v.email,
    p_phone: v.phone ?? null,
    p_quantity: v.quantity,
    p_consent: v.consent,
    p_consent_version: v.consentVersion ?? null,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash(v),
  });
}
