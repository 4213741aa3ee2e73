import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { echoed, publicPost } from '../src/lib/http/public-post.ts';
import { cancel } from '../src/lib/tickets/cancel.ts';
import { cancelPath, ticketPath } from '../src/lib/tickets/links.ts';

const secretOf = (data: Record<string, unknown>) => encodeURIComponent(echoed(data.secret));

export default endpoint({
  POST: (request, context: Context) => {
    const { code } = context.params;
    return publicPost(
      request,
      context,
      'ticket_cancel',
      (data, meta) => cancel(code, data, meta),
      {
        success: (_value, data) => `${ticketPath(code, secretOf(data))}&cancelada=1`,
        failure: (error, data) => `${cancelPath(code, secretOf(data))}&error=${error.code}`,
      },
      200,
    );
  },
});

export const config: Config = { path: '/api/registrations/:code/cancel' };
