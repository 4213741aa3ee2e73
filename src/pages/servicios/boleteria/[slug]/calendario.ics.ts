import type { APIRoute } from 'astro';
import { eventCalendar } from '../../../../lib/tickets/event-calendar.ts';
import { eventPath } from '../../../../lib/tickets/links.ts';
import { getEvent } from '../../../../lib/tickets/read-events.ts';

export const prerender = false;

/** The event for the citizen's calendar: no personal data, so one file per event, not per ticket. */
export const GET: APIRoute = async ({ params, url }) => {
  const event = await getEvent(params.slug ?? '');
  if (!event) return new Response('No existe un evento con esa dirección.', { status: 404 });
  return new Response(eventCalendar(event, new URL(eventPath(event.slug), url).href), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${event.slug}.ics"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
};
