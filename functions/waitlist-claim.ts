import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { publicPost } from '../src/lib/http/public-post.ts';
import { claimOffer } from '../src/lib/tickets/claim-offer.ts';
import { offerPath, ticketPath } from '../src/lib/tickets/links.ts';

export default endpoint({
  POST: (request, context: Context) => {
    const { token } = context.params;
    return publicPost(request, context, 'waitlist_claim', (data, meta) => claimOffer(token, data, meta), {
      success: (ticket) => ticketPath(ticket.code, ticket.cancelSecret),
      failure: (error) => `${offerPath(token)}?error=${error.code}`,
    });
  },
});

export const config: Config = { path: '/api/waitlist/offers/:token/claim' };
