import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { publicPost } from '../src/lib/http/public-post.ts';
import { eventPath, ticketPath } from '../src/lib/tickets/links.ts';
import { register } from '../src/lib/tickets/register.ts';

export default endpoint({
  POST: (request, context: Context) => {
    const { slug } = context.params;
    return publicPost(request, context, 'ticket_registration', (data, meta) => register(slug, data, meta), {
      success: (ticket) => ticketPath(ticket.code, ticket.cancelSecret),
      failure: (error) => `${eventPath(slug)}?error=${error.code}`,
    });
  },
});

export const config: Config = { path: '/api/events/:slug/registrations' };
