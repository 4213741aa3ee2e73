import * as z from 'zod';
import { followersInput, publishInput, reviewTextInput } from '../../../results/schemas.ts';
import { followerCount, openDataJson, publication, surveyResults, textReview } from '../bodies/results.ts';
import type { Endpoint } from '../endpoint.ts';

const TAG = 'Resultados';
const UNPUBLISHED = 'Sin resultados publicados de esa encuesta: 404.';
const STAFF_FORM = 'Formulario del personal: vuelve a la página de resultados con `?ok=` o `?error=`.';
const backToSurvey = z.object({
  volver: z.string().optional().describe('Slug de la encuesta cuya página de resultados abre el formulario al volver.'),
});

const download = (file: string, name: string, summary: string, media: string, body?: z.ZodType): Endpoint => ({
  method: 'get',
  path: `/api/surveys/{slug}/${file}`,
  tag: 'Datos abiertos',
  summary,
  description: UNPUBLISHED,
  responses: { 200: { description: summary, media, body, download: `oferta-de-servicios-${name}` } },
  errors: [404],
});

export const RESULTS_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/api/surveys/{slug}/results',
    tag: TAG,
    summary: 'Resultados publicados de una encuesta: totales, distribuciones, cruces por canal y red, alcance',
    description: UNPUBLISHED,
    responses: { 200: { description: 'Los resultados agregados.', body: surveyResults } },
    errors: [404],
  },
  download('open-data.csv', 'datos-abiertos.csv', 'Respuestas anónimas en CSV (UTF-8 con BOM), una fila por respuesta', 'text/csv'),
  download('open-data.json', 'datos-abiertos.json', 'Respuestas anónimas en JSON: encuesta, licencia, diccionario y una fila por respuesta', 'application/json', openDataJson),
  download('data-dictionary.csv', 'diccionario-de-datos.csv', 'Diccionario de datos en CSV: columna, pregunta, tipo, valores permitidos', 'text/csv'),
  {
    method: 'post',
    path: '/api/admin/surveys/{slug}/results/publish',
    tag: TAG,
    staff: true,
    summary: 'Publicar o retirar los resultados de una encuesta (página, API y datos abiertos a la vez)',
    body: publishInput,
    form: STAFF_FORM,
    responses: { 200: { description: 'El estado de publicación.', body: publication } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/text-answers/{id}/review',
    tag: TAG,
    staff: true,
    summary: 'Revisar una respuesta de texto libre: publicable o no, con su versión anonimizada',
    params: { id: 'Identificador numérico de la respuesta de texto.' },
    query: backToSurvey,
    body: reviewTextInput,
    form: STAFF_FORM,
    responses: { 200: { description: 'La revisión registrada.', body: textReview } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/social/followers',
    tag: TAG,
    staff: true,
    summary: 'Registrar los seguidores de una red social en una fecha (alcance de la actividad 2.2)',
    query: backToSurvey,
    body: followersInput,
    form: STAFF_FORM,
    responses: { 200: { description: 'La medición registrada.', body: followerCount } },
  },
];
