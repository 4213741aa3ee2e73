/**
 * Times people type and read (call-backs, event dates, check-ins) are Colombian time. Colombia (America/Bogota) has
 * kept UTC−5 all year since 1993, so a `datetime-local` value is read at a fixed −05:00 offset.
 */
export const BOGOTA_OFFSET = '-05:00';
export const TIME_ZONE = 'America/Bogota';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** "2026-11-25T15:30" (Bogotá) or an ISO time with its offset → Date; null for anything else or an impossible date. */
export function parseBogotaDateTime(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${zone ?? BOGOTA_OFFSET}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** A Date as the value of a `datetime-local` input in Bogotá time: "2026-11-25T15:30". */
export function toBogotaInputValue(at: Date): string {
  return new Date(at.getTime() - 5 * 3_600_000).toISOString().slice(0, 16);
}

const dateTime = new Intl.DateTimeFormat('es-CO', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', dateStyle: 'long' });

/** ISO time → "25 nov 2026, 3:30 p. m." in Colombian time. */
export const formatBogota = (iso: string | null): string => (iso ? dateTime.format(new Date(iso)) : '—');

/** "2026-03-15" → "15 de marzo de 2026". */
export const formatDay = (isoDay: string): string => dateOnly.format(new Date(`${isoDay}T00:00:00Z`));
