import { expect } from 'vitest';
import { sql } from '../support/db.ts';
import { postJson, request, type Reply } from '../support/http.ts';
import { bearer, staffToken } from '../support/staff.ts';
import { createSurvey } from '../support/surveys.ts';

export const HEADER = 'nombre,telefono,servicio,base_consentimiento,fecha_consentimiento';

export const paths = {
  contacts: (slug: string) => `/api/admin/telephone/${slug}/contacts`,
  next: (slug: string) => `/api/admin/telephone/${slug}/next`,
  queue: (slug: string) => `/api/admin/telephone/${slug}`,
  purge: (slug: string) => `/api/admin/telephone/${slug}/purge`,
  report: (slug: string) => `/api/admin/telephone/${slug}/report`,
  reportCsv: (slug: string) => `/api/admin/telephone/${slug}/report.csv`,
  contact: (id: number | string) => `/api/admin/telephone/contacts/${id}`,
  outcome: (id: number | string) => `/api/admin/telephone/contacts/${id}/outcome`,
  response: (id: number | string) => `/api/admin/telephone/contacts/${id}/response`,
  forget: '/api/admin/telephone/forget',
};

/** A survey of its own (tests/support BASIC_QUESTIONS: `calificacion` is its 1–5 scale, `recomendacion` its NPS). */
export const phoneSurvey = () => createSurvey();

let phoneCounter = Math.floor(Math.random() * 1e6);
/** A fresh mobile number, "300 123 4567" style, distinct within the run. */
export function mobile(): string {
  phoneCounter += 1;
  const digits = `3${String(100_000_000 + ((phoneCounter * 7919) % 900_000_000)).padStart(9, '0')}`;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
export const e164 = (spaced: string) => `+57${spaced.replace(/\D/g, '')}`;

export type ContactLine = { name: string; phone?: string; service?: string; basis?: string; date?: string };

export function csvOf(lines: ContactLine[]): string {
  const rows = lines.map((l) => [l.name, l.phone ?? mobile(), l.service ?? 'Boletería', l.basis ?? 'autorizacion_previa', l.date ?? '2026-03-15'].join(','));
  return [HEADER, ...rows].join('\n');
}

export async function importCsv(slug: string, csv: string): Promise<Reply> {
  return postJson(paths.contacts(slug), { csv }, { headers: await bearer('communications') });
}

/** An interviewer of their own: headers for the API and the JWT sub the database records. */
export async function interviewer(email = `encuestador-${Math.random().toString(36).slice(2)}@agencia.gov.co`) {
  const token = await staffToken('interviewer', email);
  const sub = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub as string;
  return { email, sub, token, headers: { Authorization: `Bearer ${token}` }, cookie: `participa_staff=${token}` };
}
export type Interviewer = Awaited<ReturnType<typeof interviewer>>;

export async function next(slug: string, who: Interviewer): Promise<any> {
  const reply = await postJson(paths.next(slug), {}, { headers: who.headers });
  expect(reply.status, reply.text).toBe(200);
  return reply.body.contact;
}

export async function outcome(id: number, body: Record<string, unknown>, who: Interviewer): Promise<Reply> {
  return postJson(paths.outcome(id), body, { headers: who.headers });
}

export async function complete(id: number, scores: { calificacion: number; recomendacion?: number }, who: Interviewer, notes?: string): Promise<Reply> {
  const answers = { servicio: 'boleteria', ...scores };
  return postJson(paths.response(id), { answers, consent: true, ...(notes ? { notes } : {}) }, { headers: who.headers });
}

/** Time passes: the contact is due now (as if its retry delay or callback time had come). */
export async function makeDue(contactId: number): Promise<void> {
  await sql`update public.phone_contacts set next_call_at = now() - interval '1 minute' where id = ${contactId}`;
}

export async function contactRow(id: number) {
  const [row] = await sql`select * from public.phone_contacts where id = ${id}`;
  return row;
}

export const queueOf = async (slug: string) => (await request(paths.queue(slug), { headers: await bearer('communications') })).body;
