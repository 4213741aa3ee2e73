import type { Config, Context } from '@netlify/functions';
import { SUBSCRIBE_PATH } from '../src/lib/communications/links.ts';
import { subscribe } from '../src/lib/communications/subscribe.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { publicPost } from '../src/lib/http/public-post.ts';

// The form page shows the message of each field named in `campos` (no personal data goes in the address).
export default endpoint({
  POST: (request, context: Context) =>
    publicPost(request, context, 'subscription', (data, meta) => subscribe(data, meta), {
      success: () => `${SUBSCRIBE_PATH}/revise-su-correo`,
      failure: (error) => `${SUBSCRIBE_PATH}?error=${error.code}&campos=${Object.keys(error.fields ?? {}).join(',')}`,
    }),
});

export const config: Config = { path: '/api/subscriptions' };
