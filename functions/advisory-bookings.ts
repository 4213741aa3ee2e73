import type { Config, Context } from '@netlify/functions';
import { book } from '../src/lib/advisory/book.ts';
import { bookingPath, bookPath } from '../src/lib/advisory/links.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { echoed, publicPost } from '../src/lib/http/public-post.ts';

export default endpoint({
  POST: (request, context: Context) =>
    publicPost(request, context, 'advisory_booking', book, {
      success: (booking) => bookingPath(booking.code, booking.secret),
      failure: (error, data) => `${bookPath(echoed(data.area), encodeURIComponent(echoed(data.slotId)))}&error=${error.code}`,
    }),
});

export const config: Config = { path: '/api/advisory/bookings' };
