import ical from 'ical-generator';
import { AGENCY_NAME } from '../../consts.ts';
import { KIND_LABELS } from './labels.ts';
import type { Activity, Hearing } from './schemas.ts';

/** The day after, for an all-day event that ends on `day` (iCalendar ends are exclusive). */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/**
 * The schedule as a subscribable iCalendar feed (RFC 5545): each activity as all-day days, each hearing at its
 * time. Stable ids, so calendar apps update an entry instead of adding a copy when staff move a date.
 */
export function scheduleCalendar(activities: Activity[], hearings: Hearing[], url: (hearing: Hearing) => string, pageUrl: string): string {
  const calendar = ical({
    name: `Rendición de cuentas · ${AGENCY_NAME}`,
    prodId: { company: AGENCY_NAME, product: 'Participa', language: 'ES' },
    timezone: 'America/Bogota',
    ttl: 3600,
  });
  for (const a of activities.filter((activity) => activity.status !== 'cancelled')) {
    calendar.createEvent({
      id: `rendicion-actividad-${a.id}@participa`,
      allDay: true,
      start: new Date(`${a.startsOn}T00:00:00Z`),
      end: dayAfter(a.endsOn),
      summary: a.title,
      description: `${KIND_LABELS[a.kind]}. Responsable: ${a.responsibleArea}. Canal: ${a.channel}.`,
      url: pageUrl,
    });
  }
  for (const h of hearings) {
    calendar.createEvent({
      id: `rendicion-audiencia-${h.slug}@participa`,
      start: new Date(h.startsAt),
      end: new Date(h.endsAt),
      summary: h.title,
      description: `Audiencia pública de rendición de cuentas. Envíe sus preguntas y vea la transmisión en ${url(h)}`,
      location: h.streamUrl ?? h.venue ?? undefined,
      url: url(h),
    });
  }
  return calendar.toString();
}
