import * as z from 'zod';
import { AGENCY_NAME } from '../../../consts.ts';
import { escapeHtml, htmlDocument } from '../../email/html.ts';
import type { RenderedEmail } from '../../email/message.ts';
import { siteUrl } from '../../social/share-links.ts';
import { requestPath } from '../links.ts';
import { KIND_LABELS, REQUEST_KINDS } from '../schemas.ts';

// Payloads written by …000600_personal_data_requests.sql: the link (request_personal_data), the radicado
// (confirm_personal_data_request), the extension and the answer (the officer's functions).

const kind = z.enum(REQUEST_KINDS);
const number = z.number().int().min(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const linkPayload = z.strictObject({ token: z.string().regex(/^[0-9a-f]{64}$/), kind, number, expiresAt: z.string() });
export const receivedPayload = z.strictObject({
  number,
  kind,
  dueOn: day,
  waiting: z.array(z.strictObject({ dataset: z.string(), until: z.string(), reason: z.string() })),
});
export const extensionPayload = z.strictObject({ number, kind, reason: z.string().min(1), dueOn: day });
export const answerPayload = z.strictObject({ number, kind, answer: z.string().min(1), confirmedAt: z.string() });

const FOOTER = `${AGENCY_NAME} · Participa. Recibe este correo porque se pidió, con esta dirección, conocer, corregir o suprimir los datos personales que guardamos (Ley 1581 de 2012).`;
const what = (k: z.output<typeof kind>) => KIND_LABELS[k].replace(/^./, (c) => c.toLowerCase());

function message(subject: string, paragraphs: string[], action?: { label: string; url: string }): RenderedEmail {
  const act = action ? [`${action.label}: ${action.url}`] : [];
  return {
    subject,
    text: ['Hola:', '', ...paragraphs, ...(action ? ['', ...act] : [])].join('\n'),
    html: htmlDocument(
      subject,
      `<p>Hola:</p>${paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('')}`
        + (action ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` : ''),
      FOOTER,
    ),
  };
}

/** The single-use link: it proves the address is the person's, shows what is held and confirms the request. */
export function renderLink(payload: unknown): RenderedEmail {
  const p = linkPayload.parse(payload);
  return message(
    'Confirme su solicitud sobre sus datos personales',
    [
      `Recibimos una solicitud para ${what(p.kind)} con este correo.`,
      'Abra el enlace para ver los datos que guardamos asociados a esta dirección y confirmar la solicitud. El enlace sirve una sola vez y vence en 24 horas.',
      'Si usted no pidió esto, ignore este mensaje: no haremos nada.',
    ],
    { label: 'Ver mis datos y confirmar la solicitud', url: `${siteUrl()}${requestPath(p.token)}` },
  );
}

/** The radicado, with the legal due date and, for a supresión, what waits and why. */
export function renderReceived(payload: unknown): RenderedEmail {
  const p = receivedPayload.parse(payload);
  return message(`Solicitud ${p.number} radicada: ${KIND_LABELS[p.kind]}`, [
    `Su solicitud quedó radicada con el número ${p.number}. Le responderemos a más tardar el ${p.dueOn}.`,
    ...(p.kind === 'supresion'
      ? p.waiting.length === 0
        ? ['Ya suprimimos sus datos personales de todos los servicios.']
        : ['Ya suprimimos lo que no se necesita. Esto se suprimirá más adelante:', ...p.waiting.map((w) => `• ${w.reason}`)]
      : []),
  ]);
}

/** The extension the law allows, with its reason, sent before the first term ends. */
export function renderExtension(payload: unknown): RenderedEmail {
  const p = extensionPayload.parse(payload);
  return message(`Solicitud ${p.number}: prórroga del plazo de respuesta`, [
    `Necesitamos más tiempo para responder su solicitud ${p.number} (${KIND_LABELS[p.kind]}).`,
    `Motivo: ${p.reason}`,
    `Le responderemos a más tardar el ${p.dueOn}.`,
  ]);
}

/** The officer's answer. */
export function renderAnswer(payload: unknown): RenderedEmail {
  const p = answerPayload.parse(payload);
  return message(`Respuesta a su solicitud ${p.number} sobre sus datos personales`, [
    `Esta es la respuesta a su solicitud ${p.number} (${KIND_LABELS[p.kind]}).`,
    p.answer,
  ]);
}
