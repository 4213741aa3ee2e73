import type { APIRoute } from 'astro';
import { AGENCY_NAME } from '../../../consts.ts';
import { getHearing } from '../../../lib/accountability/read.ts';
import { formatBogota } from '../../../lib/bogota-time.ts';
import { getInvitation } from '../../../lib/communications/read.ts';
import { shareCardPng, type ShareCard } from '../../../lib/social/share-card.ts';
import { getEvent } from '../../../lib/tickets/read-events.ts';

export const prerender = false;

const CARDS: Record<string, (slug: string) => Promise<Omit<ShareCard, 'agency'> | null>> = {
  convocatoria: async (slug) => {
    const invitation = await getInvitation(slug);
    return invitation && { kicker: 'Convocatoria', title: invitation.title, when: invitation.startsAt ? formatBogota(invitation.startsAt) : null };
  },
  evento: async (slug) => {
    const event = await getEvent(slug);
    return event && { kicker: 'Evento · boletas gratuitas', title: event.title, when: `${formatBogota(event.startsAt)} · ${event.venue}` };
  },
  audiencia: async (slug) => {
    const hearing = await getHearing(slug);
    return hearing && { kicker: 'Audiencia pública de rendición de cuentas', title: hearing.title, when: formatBogota(hearing.startsAt) };
  },
};

// Drawn on first request and kept while the title and date stay the same: a shared link is fetched by every
// network's crawler and by each chat that shows it.
const drawn = new Map<string, Buffer>();

export const GET: APIRoute = async ({ params }) => {
  const read = CARDS[params.kind ?? ''];
  const content = read ? await read(params.slug ?? '') : null;
  if (!content) return new Response(null, { status: 404 });
  const card = { ...content, agency: AGENCY_NAME };
  const key = JSON.stringify(card);
  let png = drawn.get(key);
  if (!png) {
    png = await shareCardPng(card);
    if (drawn.size >= 500) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, png);
  }
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=600', 'X-Content-Type-Options': 'nosniff' },
  });
};
