import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { errorResponse, json } from '../src/lib/http/respond.ts';
import { getEvent } from '../src/lib/tickets/read-events.ts';

export default endpoint({
  GET: async (_request, context: Context) => {
    const event = await getEvent(context.params.slug);
    return event ? json(event) : errorResponse({ code: 'not_found', message: 'No existe un evento con esa dirección.' });
  },
});

export const config: Config = { path: '/api/events/:slug' };
