import * as z from 'zod';
import { formatBogota } from '../../bogota-time.ts';
import type { RenderedEmail } from '../../email/message.ts';
import { invitationPath } from '../links.ts';
import { listMessage, listPayload } from './message.ts';

/** Payload written by public.send_invitation_notices. */
export const invitationNoticePayload = listPayload
  .extend({
    invitation: z.strictObject({
      slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      title: z.string().min(1),
      body: z.string().min(1),
      targetLabel: z.string().min(1),
      targetUrl: z.string().min(1),
      startsAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  })
  .strict();

/** A new invitation, sent once to each confirmed subscriber. */
export function render(payload: unknown): RenderedEmail {
  const v = invitationNoticePayload.parse(payload);
  const { invitation } = v;
  const when = invitation.startsAt ? [`Fecha: ${formatBogota(invitation.startsAt)} (hora de Colombia).`] : [];
  return listMessage(`Invitación: ${invitation.title}`, v, [invitation.body, ...when], {
    label: 'Ver la invitación',
    path: invitationPath(invitation.slug),
  });
}
