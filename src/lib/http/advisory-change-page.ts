import type { AstroGlobal } from 'astro';
import { clientAddressOf, handlePageForm, type PageFormMeta } from './page-form.ts';
import { MESSAGES } from '../error-messages.ts';
import type { Result } from '../result.ts';
import { bookingPath } from '../advisory/links.ts';
import { getBooking } from '../advisory/read-slots.ts';
import type { Booking } from '../advisory/schemas.ts';

type Change = (code: string, data: Record<string, unknown>, meta: PageFormMeta) => Promise<Result<unknown>>;
export type ChangePage = { booking: Booking; secret: string; errors: Record<string, string> };

/**
 * The shared steps of the reschedule and cancel pages: the booking behind the link (404 without it), the
 * no-JS form posted to the page itself (303 to the booking with `flag` once done), or the error to show.
 */
export async function changePage(astro: AstroGlobal, change: Change, flag: 'cambiada' | 'cancelada'): Promise<ChangePage | Response> {
  const code = astro.params.code ?? '';
  const secret = astro.url.searchParams.get('clave') ?? '';
  const booking = secret ? await getBooking(code, secret) : null;
  if (!booking) return new Response(null, { status: 404 });
  astro.response.headers.set('Cache-Control', 'no-store');
  if (astro.request.method === 'POST') {
    const outcome = await handlePageForm(astro.request, clientAddressOf(astro), (data, meta) => change(code, data, meta));
    if (outcome.ok) return astro.redirect(`${bookingPath(booking.code, secret)}&${flag}=1`, 303);
    astro.response.status = outcome.status;
    return { booking, secret, errors: outcome.errors };
  }
  const error = astro.url.searchParams.get('error');
  return { booking, secret, errors: error && error in MESSAGES ? { form: MESSAGES[error as keyof typeof MESSAGES] } : {} };
}
