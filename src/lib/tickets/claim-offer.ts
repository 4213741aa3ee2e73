import { rpc } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import type { Result } from '../result.ts';
import { checked, type PublicWriteMeta } from './public-write.ts';
import { claimSchema, type IssuedTicket } from './schemas.ts';

/** Turns a held waiting-list offer (the e-mailed link's token) into a ticket for its seats. */
export async function claimOffer(token: string, body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<IssuedTicket>> {
  const input = checked(claimSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  return rpc<Result<IssuedTicket>>('claim_waitlist_offer', {
    p_token: token,
    p_document_type: v.documentType,
    p_document_id: v.documentId,
    p_phone: v.phone ?? null,
    p_consent: v.consent,
    p_consent_version: v.consentVersion ?? null,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash({ token, ...v }),
  });
}
