import * as z from 'zod';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  STREAM_PLATFORMS,
  type Activity,
  type AskerData,
  type Hearing,
  type StaffHearing,
  type StaffQuestion,
  type SubmittedQuestion,
} from '../../../accountability/schemas.ts';
import type { Evaluation } from '../../../accountability/staff/record-evaluation.ts';
import { IMPROVEMENT_SOURCES, IMPROVEMENT_STATUSES, type ImprovementAction } from '../../../improvement/schemas.ts';
import { typed } from '../typed.ts';
import { count, date, dateTime } from './common.ts';

const evidence = z.object({ id: z.number().int(), label: z.string(), url: z.string(), addedAt: dateTime });

export const submittedQuestion = typed<SubmittedQuestion>()(
  z.object({
    id: z.string().meta({ description: 'Identificador de la pregunta.' }),
    number: z.number().int().min(1).meta({ description: 'Número de la pregunta en la audiencia, por orden de llegada.' }),
    dueOn: date.meta({ description: 'Fecha límite de la respuesta escrita: 15 días hábiles (Colombia) después de recibida.' }),
  }),
);

export const activity = typed<Activity>()(
  z.object({
    id: z.number().int(),
    year: z.number().int(),
    position: z.number().int(),
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string(),
    description: z.string(),
    startsOn: date,
    endsOn: date,
    responsibleArea: z.string(),
    channel: z.string(),
    status: z.enum(ACTIVITY_STATUSES),
    doneOn: date.nullable(),
    overdue: z.boolean().meta({ description: 'Sin cumplir después de su fecha de fin.' }),
    evidence: z.array(evidence),
  }),
);

const hearingShape = {
  slug: z.string(),
  year: z.number().int(),
  title: z.string(),
  agenda: z.string(),
  startsAt: dateTime,
  endsAt: dateTime,
  streamUrl: z.string().nullable(),
  streamPlatform: z.enum(STREAM_PLATFORMS),
  reportUrl: z.string().nullable(),
  signLanguage: z.boolean(),
  captions: z.boolean(),
  venue: z.string().nullable(),
  eventSlug: z.string().nullable(),
  questionsOpenAt: dateTime,
  questionsCloseAt: dateTime,
  questionsState: z.enum(['not_open', 'open', 'closed']),
  evaluationSurvey: z.string().nullable(),
  onlineViewers: count.nullable(),
  inPersonAttendees: count.nullable(),
  questionCount: count,
};
export const hearing = typed<Hearing>()(z.object(hearingShape));

export const staffQuestion = typed<StaffQuestion>()(
  z.object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(['received', 'published', 'merged', 'out_of_scope']),
    question: z.string(),
    mergedInto: z.number().int().nullable(),
    reason: z.string().nullable(),
    answer: z.string().nullable(),
    answerMode: z.enum(['live', 'written']).nullable(),
    recordingAt: z.string().nullable(),
    receivedAt: dateTime,
    dueOn: date,
    answeredAt: dateTime.nullable(),
    onTime: z.boolean().nullable(),
    overdue: z.boolean(),
    fullName: z.string().nullable(),
    email: z.string().nullable(),
    answeredBy: z.string().nullable(),
  }),
);

export const staffHearing = typed<StaffHearing>()(z.object({ ...hearingShape, activityId: z.number().int().nullable(), questions: z.array(staffQuestion) }));

export const evaluation = typed<Evaluation>()(z.object({ year: z.number().int(), heldOn: date, participants: z.string(), results: z.string() }));

export const improvementAction = typed<ImprovementAction>()(
  z.object({
    id: z.string(),
    source: z.enum(IMPROVEMENT_SOURCES),
    sourceRef: z.string().meta({ description: 'El ejercicio: el año de la rendición de cuentas o el requisito del diagnóstico.' }),
    title: z.string(),
    ownerArea: z.string(),
    dueOn: date,
    status: z.enum(IMPROVEMENT_STATUSES),
    doneOn: date.nullable(),
    overdue: z.boolean(),
    updates: z.array(z.object({ status: z.enum(IMPROVEMENT_STATUSES), note: z.string(), at: dateTime })),
    evidence: z.array(evidence),
  }),
);

export const askerData = typed<AskerData>()(
  z.object({
    questions: z.array(
      z.object({
        hearing: z.string(),
        number: z.number().int(),
        question: z.string(),
        fullName: z.string().nullable(),
        email: z.string(),
        receivedAt: dateTime,
        status: z.enum(['received', 'published', 'merged', 'out_of_scope']),
        answer: z.string().nullable(),
        consent: z.object({ version: z.string(), purpose: z.string(), givenAt: dateTime }),
      }),
    ),
  }),
);

export const forgotten = z.object({ forgotten: count.meta({ description: 'Preguntas de las que se borraron nombre y correo.' }) });
