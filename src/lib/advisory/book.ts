import { rpc } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import type { Result } from '../result.ts';
import { checked, type PublicWriteMeta } from '../tickets/public-write.ts';
import { bookingSchema, type IssuedBooking } from './schemas.ts';

/**
 * Books a slot. One SQL call does it all in one transaction: idempotency, rate limit, the notice and
 * horizon, one future booking per document and topic, the slot claim (one conditional update), the
 * consent record and the confirmation e-mail in the outbox.
 */
export async function book(body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<IssuedBooking>> {
  const input = checked(bookingSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  return rpc<Result<IssuedBooking>>('book_advisory_slot', {
    p_slot_id: v.slotId,
    p_area: v.area ?? null,
    p_full_name: v.fullName,
    p_document_type: v.documentType,
    p_document_id: v.documentId,
    p_email: v.email,
    p_phone: v.phone,
    p_business_name: v.businessName ?? null,
    p_stage: v.stage,
    p_need: v.topic,
    p_consent: v.consent,
    p_consent_version: v.consentVersion ?? null,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash(v),
  });
}
