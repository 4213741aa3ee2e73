import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { publicPost } from '../src/lib/http/public-post.ts';
import { joinWaitlist } from '../src/lib/tickets/join-waitlist.ts';
import { waitlistPath } from '../src/lib/tickets/links.ts';

export default endpoint({
  POST: (request, context: Context) => {
    const { slug } = context.params;
    return publicPost(request, context, 'waitlist_join', (data, meta) => joinWaitlist(slug, data, meta), {
      success: (place) => `${waitlistPath(slug)}?puesto=${place.position}`,
      failure: (error) => `${waitlistPath(slug)}?error=${error.code}`,
    });
  },
});

export const config: Config = { path: '/api/events/:slug/waitlist' };
