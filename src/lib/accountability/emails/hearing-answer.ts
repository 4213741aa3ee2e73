import * as z from 'zod';
import { AGENCY_NAME } from '../../../consts.ts';
import { escapeHtml, htmlDocument } from '../../email/html.ts';
import type { RenderedEmail } from '../../email/message.ts';
import { siteUrl } from '../../social/share-links.ts';
import { recordingLabel } from '../labels.ts';
import { hearingPath, surveyPath } from '../links.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** Payload written by private.email_question_outcome (…000520_accountability_staff.sql). */
export const hearingAnswerPayload = z.strictObject({
  fullName: z.string().nullable(),
  number: z.number().int().min(1),
  question: z.string().min(1),
  outcome: z.enum(['answered', 'merged', 'out_of_scope']),
  mergedInto: z.number().int().nullable(),
  answer: z.string().nullable(),
  answerMode: z.enum(['live', 'written']).nullable(),
  recordingAt: z.string().regex(/^\d{2}:\d{2}:\d{2}$/).nullable(),
  reason: z.string().nullable(),
  hearing: z.strictObject({ slug, title: z.string().min(1), streamUrl: z.string().nullable() }),
  evaluationSurvey: slug.nullable(),
});
export type HearingAnswerPayload = z.infer<typeof hearingAnswerPayload>;

const FOOTER = `${AGENCY_NAME} · Participa. Recibe este correo porque envió una pregunta a una audiencia pública de rendición de cuentas.`;
const absolute = (path: string) => `${siteUrl()}${path}`;

/** What settled the question, in the citizen's words. */
function outcomeLines(p: HearingAnswerPayload): string[] {
  if (p.outcome === 'out_of_scope') return ['Su pregunta no corresponde al tema de la audiencia.', `Motivo y a dónde dirigirla: ${p.reason ?? ''}`];
  const lines = p.outcome === 'merged' ? [`Su pregunta coincidía con la pregunta ${p.mergedInto}, y se respondió junto con ella.`] : [];
  if (p.answerMode === 'live' && p.recordingAt) lines.push(`La respondimos en vivo durante la audiencia (${recordingLabel(p.recordingAt)}).`);
  return [...lines, `Respuesta: ${p.answer ?? ''}`];
}

/** The answer to a citizen's question, with the hearing page and the evaluation survey. */
export function render(payload: unknown): RenderedEmail {
  const p = hearingAnswerPayload.parse(payload);
  const subject = `Respuesta a su pregunta: ${p.hearing.title}`;
  const lines = [`Usted preguntó (pregunta ${p.number}): «${p.question}»`, ...outcomeLines(p)];
  const links = [
    { label: 'Ver todas las preguntas y respuestas', url: absolute(hearingPath(p.hearing.slug)) },
    ...(p.hearing.streamUrl ? [{ label: 'Ver la grabación de la audiencia', url: p.hearing.streamUrl }] : []),
    ...(p.evaluationSurvey ? [{ label: 'Evaluar la audiencia (2 minutos)', url: absolute(surveyPath(p.evaluationSurvey)) }] : []),
  ];
  const greeting = p.fullName ? `Hola, ${p.fullName}:` : 'Hola:';
  return {
    subject,
    text: [greeting, '', ...lines, '', ...links.map((l) => `${l.label}: ${l.url}`)].join('\n'),
    html: htmlDocument(
      subject,
      `<p>${escapeHtml(greeting)}</p>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}`
        + `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`).join('')}</ul>`,
      FOOTER,
    ),
  };
}
