import type { APIRoute } from 'astro';
import { bookingCalendar } from '../../../../../lib/advisory/calendar.ts';
import { bookingPath } from '../../../../../lib/advisory/links.ts';
import { getBooking } from '../../../../../lib/advisory/read-slots.ts';

export const prerender = false;

/** The booked session for the citizen's calendar; needs the link's secret like the booking page. */
export const GET: APIRoute = async ({ params, url }) => {
  const secret = url.searchParams.get('clave') ?? '';
  const booking = secret ? await getBooking(params.code ?? '', secret) : null;
  if (!booking || booking.status === 'cancelled') return new Response('No encontramos esa reserva.', { status: 404 });
  return new Response(bookingCalendar(booking, new URL(bookingPath(booking.code, secret), url).href), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="asesoria-${booking.code}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
};
