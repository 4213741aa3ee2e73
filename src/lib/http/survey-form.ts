import { clientHash } from '../fingerprints.ts';
import type { SurveyDefinition } from '../surveys/schemas.ts';
import { answerSchema } from '../surveys/answer-schema.ts';
import {
  errorsOfPage,
  firstPageWithErrors,
  pagesOf,
  pruneHiddenAnswers,
  visiblePages,
  type FormAnswers,
} from '../surveys/paged-form.ts';
import { submitResponse } from '../surveys/submit-response.ts';
import { validate } from '../validation.ts';
import { readBody } from './body.ts';
import { MESSAGES } from '../error-messages.ts';
import { STATUS } from './errors.ts';
import { unlessUnavailable } from './outage.ts';
import { idempotencyKey } from './request-identity.ts';

/** What the form carries from page to page (hidden inputs) besides the visible fields. */
export type SurveyFormValues = {
  answers: FormAnswers;
  consent: boolean;
  channel: string | null;
  source: string | null;
  idempotencyKey: string | null;
};

export type SurveyFormOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; status: number; page: number; values: SurveyFormValues; errors: Record<string, string> };

const STEPS = ['siguiente', 'anterior', 'enviar'] as const;
type Step = (typeof STEPS)[number];

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

function valuesOf(data: Record<string, unknown>, answers: FormAnswers): SurveyFormValues {
  const consent = ([] as unknown[]).concat(data.consent).some((v) => v === 'true' || v === 'on');
  return { answers, consent, channel: text(data.channel), source: text(data.source), idempotencyKey: text(data.idempotencyKey) };
}

/**
 * The survey page's own POST, for browsers without JavaScript. `paso` says what the person pressed:
 * «Siguiente» checks only the questions of the page they are on, «Anterior» goes back without
 * checking, «Enviar» submits everything through the same use case as the API. An invalid answer
 * re-renders the page with each error beside its field and every answer kept.
 */
export async function handleSurveyForm(request: Request, clientIp: string, survey: SurveyDefinition): Promise<SurveyFormOutcome> {
  const body = await readBody(request);
  const empty: SurveyFormValues = { answers: {}, consent: false, channel: null, source: null, idempotencyKey: null };
  if (!body.ok) return { kind: 'page', status: STATUS[body.error.code], page: 0, values: empty, errors: { ...body.error.fields, form: body.error.message ?? MESSAGES[body.error.code] } };

  const { idempotencyKey: formKey, paso, seccion, answers: rawAnswers, ...data } = body.value.data;
  const posted = rawAnswers && typeof rawAnswers === 'object' && !Array.isArray(rawAnswers) ? (rawAnswers as FormAnswers) : {};
  const answers = pruneHiddenAnswers(survey, posted);
  const values = valuesOf(body.value.data, answers);
  const pages = pagesOf(survey);
  const current = Math.min(Math.max(Number.parseInt(String(seccion ?? '1'), 10) - 1 || 0, 0), pages.length - 1);
  const step: Step = STEPS.find((s) => s === paso) ?? 'enviar';
  const visible = visiblePages(survey, pages, answers);

  if (step === 'anterior') {
    const previous = visible.filter((i) => i < current).at(-1) ?? visible[0] ?? 0;
    return { kind: 'page', status: 200, page: previous, values, errors: {} };
  }

  if (step === 'siguiente') {
    // Only this page's questions: later pages are still to come, consent is asked on the last one.
    const checked = validate(answerSchema(survey), { answers, consent: true });
    const errors = checked.ok ? {} : errorsOfPage(checked.error.fields ?? {}, pages[current]);
    if (Object.keys(errors).length > 0) return { kind: 'page', status: 422, page: current, values, errors };
    const next = visible.find((i) => i > current) ?? current;
    return { kind: 'page', status: 200, page: next, values, errors: {} };
  }

  const key = idempotencyKey(request, formKey);
  const submission: Record<string, unknown> = { ...data, answers };
  const result = await unlessUnavailable(
    submitResponse(survey.slug, submission, {
      client: clientHash(clientIp),
      idempotencyKey: key.ok ? key.value : null,
    }),
  );
  if (result.ok) return { kind: 'redirect', location: `/encuestas/${survey.slug}/gracias` };

  const { error } = result;
  const errors: Record<string, string> = { ...(error.fields ?? {}) };
  if (Object.keys(errors).length === 0) errors.form = error.message ?? MESSAGES[error.code];
  // Show the first page with a wrong answer (normally the last one: the others were checked on «Siguiente»).
  const last = visible.at(-1) ?? pages.length - 1;
  const page = firstPageWithErrors(pages, errors) ?? last;
  const shown = page === last ? errors : { ...errorsOfPage(errors, pages[page]) };
  return { kind: 'page', status: STATUS[error.code], page, values, errors: shown };
}
