import { rpc } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import type { Result } from '../result.ts';
import { checked, type PublicWriteMeta } from '../tickets/public-write.ts';
import { questionSchema, type SubmittedQuestion } from './schemas.ts';

/**
 * A citizen's question to a hearing. One SQL call does it all in one transaction: idempotency, rate limit,
 * the question window, the consent record, the number in arrival order and the legal due date.
 */
export async function submitQuestion(slug: string, body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<SubmittedQuestion>> {
  const input = checked(questionSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  return rpc<Result<SubmittedQuestion>>('submit_hearing_question', {
    p_slug: slug,
    p_question: v.question,
    p_full_name: v.fullName ?? null,
    p_email: v.email,
    p_consent: v.consent,
    p_consent_version: v.consentVersion ?? null,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash(v),
  });
}
