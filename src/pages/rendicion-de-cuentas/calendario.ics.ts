import type { APIRoute } from 'astro';
import { scheduleCalendar } from '../../lib/accountability/calendar.ts';
import { accountabilityPath, hearingPath } from '../../lib/accountability/links.ts';
import { currentYear, getSchedule } from '../../lib/accountability/read.ts';

export const prerender = false;

/** The current and the next year's schedule as a feed calendar apps subscribe to (no personal data). */
export const GET: APIRoute = async ({ url }) => {
  const year = currentYear();
  const [current, next] = await Promise.all([getSchedule(year), getSchedule(year + 1)]);
  const body = scheduleCalendar(
    [...current.activities, ...next.activities],
    [...current.hearings, ...next.hearings],
    (h) => new URL(hearingPath(h.slug), url).href,
    new URL(accountabilityPath(), url).href,
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="rendicion-de-cuentas.ics"',
      'Cache-Control': 'public, max-age=300',
    },
  });
};
