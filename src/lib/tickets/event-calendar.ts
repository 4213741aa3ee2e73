import ical from 'ical-generator';
import { AGENCY_NAME } from '../../consts.ts';
import type { TicketEvent } from './schemas.ts';

/** Events without an announced end last two hours in calendars. */
const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;

/** The event as an iCalendar file (RFC 5545), for the ticket e-mail and the event page. */
export function eventCalendar(event: Pick<TicketEvent, 'slug' | 'title' | 'description' | 'venue' | 'address' | 'startsAt' | 'endsAt'>, url: string): string {
  const start = new Date(event.startsAt);
  const calendar = ical({ name: AGENCY_NAME, prodId: { company: AGENCY_NAME, product: 'Participa', language: 'ES' } });
  calendar.createEvent({
    id: `evento-${event.slug}@participa`,
    start,
    end: event.endsAt ? new Date(event.endsAt) : new Date(start.getTime() + DEFAULT_DURATION_MS),
    summary: event.title,
    description: event.description || undefined,
    location: [event.venue, event.address].filter(Boolean).join(', '),
    url,
  });
  return calendar.toString();
}
