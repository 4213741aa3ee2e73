import { TIME_ZONE } from '../bogota-time.ts';

const time = new Intl.DateTimeFormat('es-CO', { timeZone: TIME_ZONE, hour: 'numeric', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });

/** "2:00 p. m." in Colombian time. */
export const formatTime = (iso: string) => time.format(new Date(iso));

/** "2026-12-01" → "martes, 1 de diciembre". */
export const formatWeekday = (day: string) => weekday.format(new Date(`${day}T00:00:00Z`));

/** Where the session happens, as people read it. */
export const placeOf = (b: { mode: 'in_person' | 'online'; venue: string | null; meetingUrl: string | null }) =>
  b.mode === 'online' ? `Virtual: ${b.meetingUrl ?? ''}` : `Presencial: ${b.venue ?? ''}`;
