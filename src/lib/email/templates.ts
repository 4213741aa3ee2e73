import * as z from 'zod';
import * as advisory from '../advisory/emails/booking-emails.ts';
import * as hearingAnswer from '../accountability/emails/hearing-answer.ts';
import * as dataRequest from '../personal-data/emails/request-emails.ts';
import * as invitationNotice from '../communications/emails/invitation-notice.ts';
import * as subscriptionConfirm from '../communications/emails/subscription-confirm.ts';
import * as subscriptionWelcome from '../communications/emails/subscription-welcome.ts';
import * as ticket from '../tickets/emails/ticket.ts';
import * as waitlistJoined from '../tickets/emails/waitlist-joined.ts';
import * as waitlistOffer from '../tickets/emails/waitlist-offer.ts';
import type { RenderedEmail } from './message.ts';
import * as notice from './notice.ts';

/** Validates its payload (it comes from the outbox as JSON) and composes the message; may be async (a QR code). */
export type Render = (payload: unknown) => RenderedEmail | Promise<RenderedEmail>;
export type TemplateRegistry = Readonly<Record<string, Render>>;

/** Template name (the outbox's `template` column) → its renderer. Capabilities add theirs here. */
export const TEMPLATES: TemplateRegistry = {
  notice: notice.render,
  'hearing-answer': hearingAnswer.render,
  ticket: ticket.render,
  'waitlist-joined': waitlistJoined.render,
  'waitlist-offer': waitlistOffer.render,
  'advisory-booked': advisory.renderBooked,
  'advisory-rescheduled': advisory.renderRescheduled,
  'advisory-cancelled': advisory.renderCancelled,
  'advisory-reminder': advisory.renderReminder,
  'advisory-survey': advisory.renderSurvey,
  'subscription-confirm': subscriptionConfirm.render,
  'subscription-welcome': subscriptionWelcome.render,
  'invitation-notice': invitationNotice.render,
  'personal-data-link': dataRequest.renderLink,
  'personal-data-received': dataRequest.renderReceived,
  'personal-data-extension': dataRequest.renderExtension,
  'personal-data-answer': dataRequest.renderAnswer,
};

export type Rendering = { ok: true; rendered: RenderedEmail } | { ok: false; reason: string };

const explain = (error: unknown) =>
  error instanceof z.ZodError ? `datos no válidos: ${z.prettifyError(error)}` : String((error as Error)?.message ?? error);

/** Renders without throwing: an unknown template or a payload it cannot use is a reason to give up on the message. */
export async function renderEmail(templates: TemplateRegistry, template: string, payload: unknown): Promise<Rendering> {
  const render = Object.hasOwn(templates, template) ? templates[template] : undefined;
  if (!render) return { ok: false, reason: `Plantilla desconocida: ${template}` };
  try {
    return { ok: true, rendered: await render(payload) };
  } catch (error) {
    return { ok: false, reason: `La plantilla ${template} no pudo componer el mensaje: ${explain(error)}`.slice(0, 1000) };
  }
}
