import type { Config, Context } from '@netlify/functions';
import { unsubscribePath } from '../src/lib/communications/links.ts';
import { unsubscribe } from '../src/lib/communications/subscribe.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { publicPost } from '../src/lib/http/public-post.ts';

const tokenOf = (data: Record<string, unknown>) => encodeURIComponent(String(data.token ?? ''));

export default endpoint({
  POST: (request, context: Context) =>
    publicPost(
      request,
      context,
      (data, meta) => unsubscribe(data, meta),
      {
        success: (_value, data) => `${unsubscribePath(tokenOf(data))}&hecho=1`,
        failure: (error, data) => `${unsubscribePath(tokenOf(data))}&error=${error.code}`,
      },
      200,
    ),
});

export const config: Config = { path: '/api/subscriptions/unsubscribe' };
