import type { APIRoute } from 'astro';
import { participationCalendar } from '../../lib/communications/feeds.ts';
import { listInvitations, listTrainingSessions } from '../../lib/communications/read.ts';
import { getPlan } from '../../lib/plan/read-plan.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  const [invitations, training, plan] = await Promise.all([listInvitations(), listTrainingSessions(), getPlan()]);
  const activities = plan.phases.flatMap((phase) => phase.activities);
  return new Response(participationCalendar({ invitations, training, activities }), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="participacion.ics"',
      'Cache-Control': 'no-cache',
    },
  });
};
