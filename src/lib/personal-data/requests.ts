import * as z from 'zod';
import { forbiddenUnless } from '../auth/require-role.ts';
import type { StaffRole } from '../auth/claims.ts';
import { rpc, type Caller } from '../db/store.ts';
import type { Result } from '../result.ts';
import { validate } from '../validation.ts';

/** Who answers habeas-data requests: the data protection officer, an admin. */
export const DATA_OFFICERS: StaffRole[] = ['admin'];

const FORBIDDEN = 'Solo el administrador (oficial de protección de datos) atiende consultas y supresiones de datos personales.';

export const holderInput = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).regex(/^[^@\s]+@[^@\s]+$/, 'Escriba el correo de la persona, por ejemplo ana@example.com.'),
});

type Consent = { version: string; purpose: string; givenAt: string };
type Row = Record<string, string | number | null> & { consent?: Consent };

/** What the portal holds about one address, per capability, each record with its consent. */
export type HeldData = {
  email: string;
  ticketRegistrations: Row[];
  waitlistEntries: Row[];
  advisoryBookings: Row[];
  hearingQuestions: Row[];
  invitationSubscriptions: Row[];
  /** Messages sent or queued to the address: which and when, never their content. */
  emails: Row[];
  /** The person's own confirmed habeas-data requests (kept by legal obligation, not consent). */
  personalDataRequests: Row[];
};

/** How many records of each kind a suppression erased. */
export type Suppressed = Record<'ticketRegistrations' | 'waitlistEntries' | 'advisoryBookings' | 'hearingQuestions' | 'invitationSubscriptions' | 'emails', number>;

/** Consulta (Ley 1581, art. 14): everything held about the address. */
export async function exportPersonalData(body: unknown, caller: Caller): Promise<Result<HeldData>> {
  const denied = forbiddenUnless(caller, DATA_OFFICERS, FORBIDDEN);
  if (denied) return denied;
  const input = validate(holderInput, body);
  if (!input.ok) return input;
  return rpc<Result<HeldData>>('staff_export_personal_data', { p_email: input.value.email }, caller);
}

/** Supresión (art. 15): erases who the person was, keeping the facts; refused while a service is still to come. */
export async function forgetPersonalData(body: unknown, caller: Caller): Promise<Result<Suppressed>> {
  const denied = forbiddenUnless(caller, DATA_OFFICERS, FORBIDDEN);
  if (denied) return denied;
  const input = validate(holderInput, body);
  if (!input.ok) return input;
  return rpc<Result<Suppressed>>('staff_forget_personal_data', { p_email: input.value.email }, caller);
}
