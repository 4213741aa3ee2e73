import type { RenderedEmail } from '../../email/message.ts';
import { confirmPath } from '../links.ts';
import { confirmToken, listMessage, listPayload } from './message.ts';

/** Payload written by public.subscribe_to_invitations (…000610_communications_public.sql). */
export const subscriptionConfirmPayload = listPayload.extend({ confirmToken }).strict();

/** The first step of the double opt-in: nothing more is sent until the link is followed. */
export function render(payload: unknown): RenderedEmail {
  const v = subscriptionConfirmPayload.parse(payload);
  return listMessage(
    'Confirme que quiere recibir invitaciones a participar',
    v,
    [
      'Recibimos una solicitud para enviar a este correo las invitaciones a encuestas, audiencias y demás ejercicios de participación.',
      'Si fue usted, confírmelo con el enlace. Si no, ignore este mensaje: no le escribiremos más.',
    ],
    { label: 'Confirmar la suscripción', path: confirmPath(v.confirmToken) },
  );
}
