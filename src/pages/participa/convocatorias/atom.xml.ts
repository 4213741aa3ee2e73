import type { APIRoute } from 'astro';
import { invitationsFeed } from '../../../lib/communications/feeds.ts';
import { listInvitations } from '../../../lib/communications/read.ts';

export const prerender = false;

export const GET: APIRoute = async () =>
  new Response(invitationsFeed(await listInvitations()).atom1(), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
