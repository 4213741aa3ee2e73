import * as z from 'zod';
import { AGENCY_NAME } from '../../../consts.ts';
import { escapeHtml, htmlDocument } from '../../email/html.ts';
import type { RenderedEmail } from '../../email/message.ts';
import { absolute, instant, secret } from '../../tickets/emails/message.ts';
import { formatDateTime } from '../../tickets/format.ts';
import { bookingCalendar } from '../calendar.ts';
import { placeOf } from '../format.ts';
import { advisoryPath, bookingPath, cancelPath, reschedulePath, surveyPath } from '../links.ts';

const FOOTER = `${AGENCY_NAME} · Participa. Recibe este correo porque reservó una asesoría de emprendimiento.`;

/** Payload of private.advisory_email_payload (…000410_advisory_public.sql); reminders and cancellations carry no secret. */
export const bookingPayload = z.strictObject({
  code: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  fullName: z.string().min(1),
  startsAt: instant,
  endsAt: instant,
  topic: z.string(),
  topicLabel: z.string().min(1),
  advisor: z.string().min(1),
  mode: z.enum(['in_person', 'online']),
  venue: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  secret: secret.optional(),
});
export type BookingPayload = z.infer<typeof bookingPayload>;

type Paragraph = { text: string; link?: { href: string; label: string } };

function compose(subject: string, fullName: string, paragraphs: Paragraph[], attachments?: RenderedEmail['attachments']): RenderedEmail {
  const text = [`Hola, ${fullName}:`, '', ...paragraphs.map((p) => (p.link ? `${p.text} ${p.link.href}` : p.text))].join('\n\n');
  const html = htmlDocument(
    subject,
    `<p>Hola, ${escapeHtml(fullName)}:</p>`
      + paragraphs.map((p) => `<p>${escapeHtml(p.text)}${p.link ? ` <a href="${escapeHtml(p.link.href)}">${escapeHtml(p.link.label)}</a>` : ''}</p>`).join(''),
    FOOTER,
  );
  return { subject, text, html, ...(attachments ? { attachments } : {}) };
}

const details = (b: BookingPayload): Paragraph[] => [
  { text: `Tema: ${b.topicLabel}. Asesor: ${b.advisor}.` },
  { text: `Fecha y hora: ${formatDateTime(b.startsAt)} (hora de Colombia).` },
  { text: `Lugar: ${placeOf(b)}` },
  { text: `Código de la reserva: ${b.code}` },
];

/** Links to see, move and cancel: only messages written with the secret carry them. */
function links(b: BookingPayload): Paragraph[] {
  if (!b.secret) return [{ text: 'Para cambiar la hora o cancelar, use los enlaces del correo de confirmación.' }];
  return [
    { text: 'Vea su reserva:', link: { href: absolute(bookingPath(b.code, b.secret)), label: 'Ver la reserva' } },
    { text: '¿Necesita otra hora?', link: { href: absolute(reschedulePath(b.code, b.secret)), label: 'Cambiar la hora' } },
    { text: '¿Ya no puede asistir? Cancele para que otra persona use el horario:', link: { href: absolute(cancelPath(b.code, b.secret)), label: 'Cancelar la reserva' } },
  ];
}

const calendarFile = (b: BookingPayload) => [{
  filename: `asesoria-${b.code}.ics`,
  content: bookingCalendar(b, absolute(b.secret ? bookingPath(b.code, b.secret) : advisoryPath())),
  contentType: 'text/calendar',
}];

export function renderBooked(payload: unknown): RenderedEmail {
  const b = bookingPayload.parse(payload);
  return compose(`Su asesoría quedó reservada: ${b.code}`, b.fullName,
    [{ text: 'Su asesoría de emprendimiento quedó reservada. Agréguela a su calendario con el archivo adjunto.' }, ...details(b), ...links(b)], calendarFile(b));
}

export function renderRescheduled(payload: unknown): RenderedEmail {
  const b = bookingPayload.parse(payload);
  return compose(`Su asesoría cambió de hora: ${b.code}`, b.fullName,
    [{ text: 'Su asesoría quedó en la nueva hora. El archivo adjunto actualiza su calendario.' }, ...details(b), ...links(b)], calendarFile(b));
}

export function renderCancelled(payload: unknown): RenderedEmail {
  const b = bookingPayload.parse(payload);
  return compose(`Su asesoría fue cancelada: ${b.code}`, b.fullName,
    [{ text: 'Cancelamos su asesoría como lo pidió; el horario quedó libre para otra persona.' }, ...details(b),
     { text: 'Puede reservar otra cuando quiera:', link: { href: absolute(advisoryPath()), label: 'Reservar una asesoría' } }]);
}

export function renderReminder(payload: unknown): RenderedEmail {
  const b = bookingPayload.parse(payload);
  return compose(`Recordatorio: su asesoría es el ${formatDateTime(b.startsAt)}`, b.fullName,
    [{ text: 'Le recordamos su asesoría de emprendimiento de mañana.' }, ...details(b), ...links(b)], calendarFile(b));
}

/** Written by public.staff_record_advisory_session when the advisor records that the person came. */
export const surveyPayload = z.strictObject({ fullName: z.string().min(1), startsAt: instant, advisor: z.string().min(1), surveySlug: z.string().regex(/^[a-z0-9-]+$/) });

export function renderSurvey(payload: unknown): RenderedEmail {
  const s = surveyPayload.parse(payload);
  return compose('¿Cómo le fue en su asesoría?', s.fullName, [
    { text: `Gracias por asistir a su asesoría con ${s.advisor} el ${formatDateTime(s.startsAt)}.` },
    { text: 'Cuéntenos en tres preguntas cómo le fue; sus respuestas son anónimas y nos ayudan a mejorar:', link: { href: absolute(surveyPath(s.surveySlug)), label: 'Responder la encuesta' } },
  ]);
}
