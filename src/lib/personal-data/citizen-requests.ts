import { rpc } from '../db/store.ts';
import { requestHash } from '../fingerprints.ts';
import { fail, type Result } from '../result.ts';
import { checked, type PublicWriteMeta } from '../tickets/public-write.ts';
import { validate } from '../validation.ts';
import type { HeldData } from './requests.ts';
import { confirmInput, linkInput, requestInput, type PublicRequest, type RequestKind } from './schemas.ts';

/** The one answer the form gives, whether or not anything is held about the address. */
export type LinkSent = { status: 'link_sent' };

/** What the e-mailed link shows: the data before confirming, the request's state after. */
export type OpenedRequest =
  | { state: 'unconfirmed'; kind: RequestKind; message: string | null; expiresAt: string; held: HeldData }
  | { state: 'confirmed'; request: PublicRequest };

/**
 * A person asks about their data without an account (Ley 1581): one SQL call records the unconfirmed
 * request and queues the e-mail with the single-use link, under the per-client and per-address limits.
 */
export async function askAboutPersonalData(body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<LinkSent>> {
  const input = checked(requestInput, body);
  if (!input.ok) return input;
  const v = input.value;
  return rpc<Result<LinkSent>>('request_personal_data', {
    p_email: v.email,
    p_kind: v.kind,
    p_message: v.message ?? null,
    p_client: meta.client,
    p_idempotency_key: meta.idempotencyKey,
    p_request_hash: requestHash(v),
  });
}

/** The page behind the link: opening it uses nothing (a mail scanner may open it). */
export async function openPersonalDataRequest(token: string): Promise<Result<OpenedRequest>> {
  const input = validate(linkInput, { token });
  if (!input.ok) return fail({ code: 'not_found', message: 'Este enlace no es válido o ya venció (dura 24 horas). Pida uno nuevo.' });
  return rpc<Result<OpenedRequest>>('open_personal_data_request', { p_token: input.value.token });
}

/** Confirms the request once: the legal term starts, and a supresión runs at once for what may go. */
export async function confirmPersonalDataRequest(body: Record<string, unknown>, meta: PublicWriteMeta): Promise<Result<PublicRequest>> {
  const input = validate(confirmInput, body);
  if (!input.ok) return input;
  const v = input.value;
  return rpc<Result<PublicRequest>>('confirm_personal_data_request', { p_token: v.token, p_kind: v.kind, p_message: v.message ?? null, p_client: meta.client });
}
