import type { Config, Context } from '@netlify/functions';
import { cancel, reschedule } from '../src/lib/advisory/change-booking.ts';
import { bookingPath, cancelPath, reschedulePath } from '../src/lib/advisory/links.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { echoed, publicPost } from '../src/lib/http/public-post.ts';
import type { Result } from '../src/lib/result.ts';

const secretOf = (data: Record<string, unknown>) => encodeURIComponent(echoed(data.secret));

// Both changes of a booking, reached with the secret of its link: /cancel and /reschedule.
export default endpoint({
  POST: (request, context: Context) => {
    const { code } = context.params;
    const action = new URL(request.url).pathname.endsWith('/cancel') ? 'cancel' : 'reschedule';
    const change = action === 'cancel' ? cancel : reschedule;
    const back = action === 'cancel' ? cancelPath : reschedulePath;
    return publicPost(
      request,
      context,
      'advisory_change',
      (data, meta): Promise<Result<unknown>> => change(code, data, meta),
      {
        success: (_value, data) => `${bookingPath(code, secretOf(data))}&${action === 'cancel' ? 'cancelada' : 'cambiada'}=1`,
        failure: (error, data) => `${back(code, secretOf(data))}&error=${error.code}`,
      },
      200,
    );
  },
});

export const config: Config = { path: ['/api/advisory/bookings/:code/cancel', '/api/advisory/bookings/:code/reschedule'] };
