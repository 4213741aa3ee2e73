import * as z from 'zod';
import {
  CALL_OUTCOMES,
  CONSENT_BASES,
  STATUS_LABELS,
  type CompletedCall,
  type ContactStatus,
  type ImportSummary,
  type NextContact,
  type OutcomeSummary,
  type PhoneContact,
  type QueueStatus,
  type ReportFigures,
  type TelephoneReport,
} from '../../../telephone/schemas.ts';
import { typed } from '../typed.ts';
import { count, date, dateTime } from './common.ts';

const contactStatus = z.enum(Object.keys(STATUS_LABELS) as [ContactStatus, ...ContactStatus[]]);
const outcome = z.enum(CALL_OUTCOMES);
const surveyRef = z.object({ slug: z.string(), title: z.string() });

export const phoneContact = typed<PhoneContact>()(
  z.object({
    id: z.number().int(),
    survey: surveyRef,
    fullName: z.string().nullable().meta({ description: 'null una vez suprimidos los datos personales.' }),
    phone: z.string().nullable(),
    serviceUsed: z.string(),
    consentBasis: z.enum(CONSENT_BASES),
    consentedOn: date,
    status: contactStatus,
    attempts: count,
    nextCallAt: dateTime.nullable(),
    lease: z.object({ interviewerEmail: z.string().nullable(), since: dateTime, until: dateTime }).nullable(),
    history: z.array(z.object({ at: dateTime, outcome, callbackAt: dateTime.nullable(), notes: z.string().nullable(), interviewerEmail: z.string().nullable() })),
  }),
);

export const nextContact = typed<NextContact>()(
  z.object({
    contact: phoneContact.nullable().meta({ description: 'null cuando no hay contactos por llamar ahora.' }),
    message: z.string().optional(),
    nextCallAt: dateTime.nullable().optional(),
  }),
);

export const importSummary = typed<ImportSummary>()(
  z.object({ imported: count, skippedLines: z.array(z.number().int()).meta({ description: 'Líneas repetidas que no se importaron.' }), total: count }),
);

export const purged = typed<{ purged: number }>()(z.object({ purged: count }));

export const outcomeSummary = typed<OutcomeSummary>()(
  z.object({ contactId: z.number().int(), survey: z.string(), outcome, status: contactStatus, attempts: count, nextCallAt: dateTime.nullable() }),
);

export const completedCall = typed<CompletedCall>()(
  z.object({ contactId: z.number().int(), survey: z.string(), responseId: z.uuid(), status: z.literal('completed') }),
);

export const queueStatus = typed<QueueStatus>()(
  z.object({
    survey: surveyRef,
    counts: z.object({
      total: count,
      due: count,
      inCall: count,
      waiting: count,
      pending: count,
      callback: count,
      completed: count,
      refused: count,
      wrongNumber: count,
      unreachable: count,
      withdrawn: count,
      purgeable: count,
      purged: count,
    }),
    nextCallAt: dateTime.nullable(),
    myCall: z.number().int().nullable(),
  }),
);

const rate = z.number().nullable();
const figures = typed<ReportFigures>()(
  z.object({
    contacts: count,
    attempts: count,
    attempted: count,
    contacted: count,
    contactRate: rate,
    completed: count,
    completionRate: rate,
    refusals: count,
    wrongNumbers: count,
    unreachable: count,
    inQueue: count,
    withdrawn: count,
    csat: z.object({ n: count, satisfied: count, percent: rate }),
    nps: z.object({ n: count, promoters: count, passives: count, detractors: count, score: rate, marginOfError: rate }),
  }),
);

const question = z.object({ key: z.string(), label: z.string() });

export const telephoneReport = typed<TelephoneReport>()(
  z.object({
    survey: z.object({ slug: z.string(), title: z.string(), planActivity: z.string().nullable() }),
    generatedAt: dateTime,
    csatQuestion: question.nullable(),
    npsQuestion: question.nullable(),
    totals: figures,
    outcomes: z.object({ completed: count, noAnswer: count, busy: count, wrongNumber: count, refused: count, callback: count }),
    byService: z.array(figures.extend({ service: z.string() })),
  }),
);
