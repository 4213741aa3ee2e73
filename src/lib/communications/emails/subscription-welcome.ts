import type { RenderedEmail } from '../../email/message.ts';
import { INVITATIONS_PATH } from '../links.ts';
import { listMessage, listPayload } from './message.ts';

/** Payload written by public.confirm_subscription. */
export const subscriptionWelcomePayload = listPayload.strict();

/** Says the double opt-in is complete, and how to leave. */
export function render(payload: unknown): RenderedEmail {
  const v = subscriptionWelcomePayload.parse(payload);
  return listMessage(
    'Su suscripción a las invitaciones está confirmada',
    v,
    ['Desde ahora le escribiremos cada vez que publiquemos una convocatoria a participar.'],
    { label: 'Ver las convocatorias abiertas', path: INVITATIONS_PATH },
  );
}
