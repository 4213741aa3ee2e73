import type { Config, Context } from '@netlify/functions';
import { confirmPath, unsubscribePath } from '../src/lib/communications/links.ts';
import { confirmSubscription, unsubscribe } from '../src/lib/communications/subscribe.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { echoed, publicPost } from '../src/lib/http/public-post.ts';

// The two e-mailed links: each opens a page whose button posts its token here, so a mail scanner that
// fetches a link confirms or cancels nothing. The no-JS form goes back to that page with the outcome.
const ACTIONS = {
  confirm: { run: confirmSubscription, page: confirmPath },
  unsubscribe: { run: unsubscribe, page: unsubscribePath },
};

const tokenOf = (data: Record<string, unknown>) => encodeURIComponent(echoed(data.token));

export default endpoint({
  POST: (request, context: Context) => {
    const action = new URL(request.url).pathname.endsWith('/confirm') ? ACTIONS.confirm : ACTIONS.unsubscribe;
    return publicPost(
      request,
      context,
      'subscription_token',
      (data, meta) => action.run(data, meta),
      {
        success: (_value, data) => `${action.page(tokenOf(data))}&hecho=1`,
        failure: (error, data) => `${action.page(tokenOf(data))}&error=${error.code}`,
      },
      200,
    );
  },
});

export const config: Config = { path: ['/api/subscriptions/confirm', '/api/subscriptions/unsubscribe'] };
