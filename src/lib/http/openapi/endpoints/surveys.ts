import * as z from 'zod';
import { submissionSchema } from '../../../surveys/answer-schema.ts';
import { duplicateInput, statusInput, surveyDefinitionInput } from '../../../surveys/staff/definition-schema.ts';
import { createdResponse, savedSurvey, staffSurvey, staffSurveyList, surveyDefinition } from '../bodies/surveys.ts';
import type { Endpoint } from '../endpoint.ts';

const TAG = 'Encuestas';
const STAFF_FORM = 'Formulario del personal: vuelve al editor (o a la lista) con `?ok=` o `?error=`.';

/** Answers of any survey: each survey's own keys and rules are its questions (GET /api/surveys/{slug}). */
export const anyAnswers = z
  .record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.record(z.string(), z.string())]))
  .meta({
    description:
      'Una entrada por pregunta: `id` de la pregunta → opción, lista de opciones, número, fecha (AAAA-MM-DD), texto, o para una matriz fila → opción. El texto de «otro» va en `<id>__otro`. Las reglas de cada encuesta (obligatorias, opciones, condiciones) salen de su definición.',
  });

const backToList = z.object({
  volver: z.enum(['lista']).optional().describe('Con `lista`, el formulario vuelve a la lista de encuestas en lugar del editor.'),
});

export const SURVEY_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/api/surveys/{slug}',
    tag: TAG,
    summary: 'Definición de una encuesta publicada: preguntas, estado y texto de autorización de datos',
    responses: { 200: { description: 'La encuesta.', body: surveyDefinition } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/surveys/{slug}/responses',
    tag: TAG,
    summary: 'Enviar una respuesta a una encuesta abierta',
    description: 'Requiere `consent: true` (Ley 1581): la autorización de tratamiento de datos personales.',
    body: submissionSchema(anyAnswers).extend({
      website: z.literal('').optional().meta({ description: 'Campo trampa para robots: vacío o ausente.' }),
    }),
    form: 'Formulario sin JavaScript: a `/encuestas/{slug}/gracias`, o de vuelta a `/encuestas/{slug}?error=<código>`.',
    idempotent: true,
    responses: { 201: { description: 'Respuesta registrada.', body: createdResponse } },
    errors: [404, 409, 429],
  },
  {
    method: 'get',
    path: '/api/admin/surveys',
    tag: TAG,
    staff: true,
    summary: 'Todas las encuestas, borradores incluidos, con su número de respuestas',
    responses: { 200: { description: 'Las encuestas, las más recientes primero.', body: staffSurveyList } },
  },
  {
    method: 'post',
    path: '/api/admin/surveys',
    tag: TAG,
    staff: true,
    summary: 'Crear o reemplazar la definición completa de una encuesta',
    description: 'Con respuestas ya recibidas, solo se aceptan cambios que las mantengan válidas (409 `locked`).',
    body: surveyDefinitionInput,
    responses: {
      200: { description: 'Reemplazó una encuesta existente.', body: savedSurvey },
      201: { description: 'Creó una encuesta nueva.', body: savedSurvey },
    },
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/admin/surveys/{slug}',
    tag: TAG,
    staff: true,
    summary: 'Definición completa de una encuesta para el editor',
    responses: { 200: { description: 'La encuesta.', body: staffSurvey } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/surveys/{slug}/status',
    tag: TAG,
    staff: true,
    summary: 'Abrir, cerrar o devolver a borrador una encuesta',
    query: backToList,
    body: statusInput,
    form: STAFF_FORM,
    responses: { 200: { description: 'La encuesta con su nuevo estado.', body: staffSurvey } },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/api/admin/surveys/{slug}/duplicate',
    tag: TAG,
    staff: true,
    summary: 'Copiar una encuesta en un borrador nuevo',
    query: backToList,
    body: duplicateInput,
    form: STAFF_FORM,
    responses: { 200: { description: 'El borrador nuevo.', body: staffSurvey } },
    errors: [404, 409],
  },
];
