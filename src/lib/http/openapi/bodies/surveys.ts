import * as z from 'zod';
import { QUESTION_TYPES, type SurveyDefinition } from '../../../surveys/schemas.ts';
import { SURVEY_STATUSES, surveyDefinitionInput } from '../../../surveys/staff/definition-schema.ts';
import type { SavedSurvey, StaffSurvey, StaffSurveySummary } from '../../../surveys/staff/types.ts';
import { typed } from '../typed.ts';
import { count, dateTime } from './common.ts';

const surveyStatus = z.enum(['open', 'closed', 'scheduled']).meta({ description: 'scheduled: aún no abre; closed: cerrada por el equipo o vencida.' });
const option = z.object({ value: z.string(), label: z.string() });

export const surveyDefinition = typed<SurveyDefinition>()(
  z.object({
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    planActivity: z.string(),
    status: surveyStatus,
    opensAt: dateTime.nullable(),
    closesAt: dateTime.nullable(),
    consent: z.object({ version: z.string(), purpose: z.string(), text: z.string() }),
    questions: z.array(
      z.object({
        id: z.string().meta({ description: 'Clave de la respuesta en `answers`.' }),
        type: z.enum(QUESTION_TYPES),
        label: z.string(),
        help: z.string().nullable(),
        required: z.boolean(),
        section: z.string().nullable(),
        options: z.array(option),
        items: z.array(z.object({ key: z.string(), label: z.string() })),
        min: z.number().nullable(),
        max: z.number().nullable(),
        allowOther: z.boolean().meta({ description: 'Admite «otro»: su texto va en `answers.<id>__otro`.' }),
        condition: z.object({ question: z.string(), anyOf: z.array(z.string()) }).nullable(),
        maxLength: z.number().int().nullable(),
      }),
    ),
  }),
);

export const createdResponse = typed<{ id: string }>()(z.object({ id: z.uuid() }));

const adminStatus = z.enum(SURVEY_STATUSES);
const publicStatus = z.enum(['draft', 'open', 'closed', 'scheduled']);

const staffSurveyShape = {
  definition: surveyDefinitionInput,
  status: adminStatus,
  publicStatus,
  responses: count,
  locked: z.boolean().meta({ description: 'Tiene respuestas: solo se aceptan cambios que las mantengan válidas.' }),
  updatedAt: dateTime,
};

export const staffSurvey = typed<StaffSurvey>()(z.object(staffSurveyShape));
export const savedSurvey = typed<SavedSurvey>()(z.object({ ...staffSurveyShape, created: z.boolean() }));

export const staffSurveyList = typed<StaffSurveySummary[]>()(
  z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      planActivity: z.string().nullable(),
      status: adminStatus,
      publicStatus,
      opensAt: dateTime.nullable(),
      closesAt: dateTime.nullable(),
      questions: count,
      responses: count,
      locked: z.boolean(),
      updatedAt: dateTime,
    }),
  ),
);
