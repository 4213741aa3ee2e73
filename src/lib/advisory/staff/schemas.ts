import * as z from 'zod';
import { calendarDay } from '../../validation.ts';
import { parseBogotaDateTime } from '../../bogota-time.ts';
import { area, type AdvisorMode, type Booking } from '../schemas.ts';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
/** A form sends one value as a string and several as an array. */
const list = (v: unknown) => (typeof v === 'string' ? [v] : v);
const toInteger = (v: unknown) => (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v);
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const instant = (message: string) =>
  z.string({ error: message }).transform((v, ctx) => {
    const at = parseBogotaDateTime(v);
    if (!at) ctx.addIssue({ code: 'custom', message });
    return at ? at.toISOString() : '';
  });

export const ruleInput = z.strictObject({
  weekday: z.preprocess(toInteger, z.number({ error: 'Elija el día: 1 lunes … 7 domingo.' }).int().min(1).max(7)),
  starts: z.string({ error: 'Escriba la hora de inicio (HH:MM).' }).regex(HHMM, 'Escriba la hora de inicio (HH:MM).'),
  ends: z.string({ error: 'Escriba la hora de fin (HH:MM).' }).regex(HHMM, 'Escriba la hora de fin (HH:MM).'),
  sessionMinutes: z.preprocess(toInteger, z.number().int().min(15, 'Sesiones de 15 a 240 minutos.').max(240, 'Sesiones de 15 a 240 minutos.').default(45)),
  bufferMinutes: z.preprocess(toInteger, z.number().int().min(0, 'Descanso de 0 a 120 minutos.').max(120, 'Descanso de 0 a 120 minutos.').default(15)),
}).refine((r) => r.ends > r.starts, { path: ['ends'], message: 'La hora de fin debe ser posterior a la de inicio.' });

/**
 * A form sends rules as `rules.0.weekday=…` (an object keyed by row) and leaves spare rows without a day or
 * hours (their minutes keep the defaults shown); JSON sends an array.
 */
const blank = (cell: unknown) => cell === undefined || (typeof cell === 'string' && cell.trim() === '');
const rows = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.values(v as Record<string, Record<string, unknown>>).filter((row) => !(blank(row.weekday) && blank(row.starts) && blank(row.ends)))
    : v;
const rules = z.preprocess(rows, z.array(ruleInput).max(30, 'Escriba hasta 30 reglas semanales.').default([]));

/** POST /api/admin/advisory/advisors. */
export const advisorInput = z.strictObject({
  name: z.string({ error: 'Escriba el nombre del asesor (entre 3 y 120 caracteres).' }).trim().min(3, 'Escriba el nombre del asesor (entre 3 y 120 caracteres).').max(120, 'Escriba el nombre del asesor (entre 3 y 120 caracteres).'),
  email: z.string({ error: 'Escriba un correo electrónico válido.' }).trim().toLowerCase().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Escriba un correo electrónico válido.').max(254),
  topics: z.preprocess(list, z.array(area, { error: 'Elija uno o más temas de la lista.' }).min(1, 'Elija uno o más temas de la lista.').max(20)),
  mode: z.enum(['in_person', 'online'], { error: 'Elija la modalidad: presencial o virtual.' }).default('in_person'),
  venue: z.preprocess(blankToNull, z.string().trim().max(200).nullable().default(null)),
  meetingUrl: z.preprocess(blankToNull, z.string().trim().regex(/^https:\/\/\S+$/, 'Escriba el enlace de la reunión (https://…).').max(500).nullable().default(null)),
  rules,
});

/** POST /api/admin/advisory/advisors/:id/rules. */
export const rulesInput = z.strictObject({ rules });

/** POST /api/admin/advisory/advisors/:id/days-off. */
export const dayOffInput = z.strictObject({
  day: calendarDay('Elija el día (AAAA-MM-DD).'),
  reason: z.preprocess(blankToNull, z.string().trim().max(200).nullable().default(null)),
});

/** POST /api/admin/advisory/slots: times as ISO with offset, or Bogotá `datetime-local` values. */
export const slotInput = z.strictObject({
  advisorId: z.uuid({ error: 'Elija un asesor.' }),
  startsAt: instant('Escriba la fecha y hora de inicio.'),
  endsAt: instant('Escriba la fecha y hora de fin.'),
});

/** POST /api/admin/advisory/bookings/:code/record. */
export const recordInput = z.strictObject({
  attendance: z.enum(['attended', 'no_show'], { error: 'Indique si la persona asistió o no.' }),
  topicsCovered: z.preprocess(list, z.array(area).max(20).default([])),
  nextSteps: z.preprocess(blankToNull, z.string().trim().max(2000, 'Máximo 2.000 caracteres.').nullable().default(null)),
  referral: z.preprocess(blankToNull, z.string().trim().max(300, 'Máximo 300 caracteres.').nullable().default(null)),
});

/** GET /api/admin/advisory/agenda?from&to[&advisorId]. */
export const agendaQuery = z.strictObject({
  from: calendarDay('Escriba la fecha inicial como AAAA-MM-DD.'),
  to: calendarDay('Escriba la fecha final como AAAA-MM-DD.'),
  advisorId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
});

export type Rule = z.output<typeof ruleInput>;

export type Advisor = {
  id: string;
  name: string;
  email: string;
  topics: string[];
  mode: AdvisorMode;
  venue: string | null;
  meetingUrl: string | null;
  active: boolean;
  rules: Rule[];
  daysOff: { day: string; reason: string | null }[];
};

export type AdviceRecord = { attendance: 'attended' | 'no_show'; topicsCovered: string[]; nextSteps: string | null; referral: string | null; recordedBy: string | null; recordedAt: string };

export type StaffBooking = Omit<Booking, 'changeable'> & { documentType: string; documentId: string; phone: string; advisorId: string; record: AdviceRecord | null };

export type AgendaSlot = { id: string; startsAt: string; endsAt: string; advisorId: string; advisor: string; source: 'rule' | 'extra'; booking: StaffBooking | null };
export type Agenda = { from: string; to: string; slots: AgendaSlot[] };
