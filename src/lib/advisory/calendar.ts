import ical from 'ical-generator';
import { AGENCY_NAME } from '../../consts.ts';
import type { Booking } from './schemas.ts';

export type CalendarBooking = Pick<Booking, 'code' | 'startsAt' | 'endsAt' | 'topicLabel' | 'advisor' | 'mode' | 'venue' | 'meetingUrl'>;

/**
 * The session as an iCalendar file (RFC 5545) for the e-mail and the confirmation page. The UID stays
 * the booking's, so a calendar that imports the rescheduled file moves the session instead of adding one.
 */
export function bookingCalendar(booking: CalendarBooking, url: string): string {
  const calendar = ical({ name: AGENCY_NAME, prodId: { company: AGENCY_NAME, product: 'Participa', language: 'ES' } });
  calendar.createEvent({
    id: `asesoria-${booking.code}@participa`,
    start: new Date(booking.startsAt),
    end: new Date(booking.endsAt),
    summary: `Asesoría de emprendimiento: ${booking.topicLabel}`,
    description: `Con ${booking.advisor}. Código de la reserva: ${booking.code}.${booking.meetingUrl ? ` Enlace: ${booking.meetingUrl}` : ''}`,
    location: booking.mode === 'online' ? (booking.meetingUrl ?? 'En línea') : (booking.venue ?? ''),
    url,
  });
  return calendar.toString();
}
