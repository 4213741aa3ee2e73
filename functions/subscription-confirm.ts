import type { Config, Context } from '@netlify/functions';
import { confirmPath } from '../src/lib/communications/links.ts';
import { confirmSubscription } from '../src/lib/communications/subscribe.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { publicPost } from '../src/lib/http/public-post.ts';

const tokenOf = (data: Record<string, unknown>) => encodeURIComponent(String(data.token ?? ''));

// The e-mailed link opens a page whose button posts here: a mail scanner fetching the link confirms nothing.
export default endpoint({
  POST: (request, context: Context) =>
    publicPost(
      request,
      context,
      (data, meta) => confirmSubscription(data, meta),
      {
        success: (_value, data) => `${confirmPath(tokenOf(data))}&hecho=1`,
        failure: (error, data) => `${confirmPath(tokenOf(data))}&error=${error.code}`,
      },
      200,
    ),
});

export const config: Config = { path: '/api/subscriptions/confirm' };
