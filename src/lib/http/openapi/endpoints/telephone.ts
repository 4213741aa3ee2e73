import { submissionSchema } from '../../../surveys/answer-schema.ts';
import { callNotesInput, emptyInput, forgetInput, importInput, outcomeInput } from '../../../telephone/schemas.ts';
import { completedCall, importSummary, nextContact, outcomeSummary, phoneContact, purged, queueStatus, telephoneReport } from '../bodies/telephone.ts';
import { reportCsvFilename } from '../../../telephone/report-csv.ts';
import type { Endpoint } from '../endpoint.ts';
import { anyAnswers } from './surveys.ts';

const TAG = 'Encuesta telefónica';
const PREFIX = '/api/admin/telephone';
const CALL_FORM = 'Formulario del personal: vuelve a `/staff/telefonico` con `?ok=` o `?error=`.';
const CAMPAIGN_FORM = 'Formulario del personal: vuelve a la campaña `/staff/telefonico/{slug}` con `?ok=` o `?error=`.';
const contact = { id: 'Identificador numérico del contacto de la lista de llamadas.' };
const staff = { tag: TAG, staff: true } as const;

export const TELEPHONE_ENDPOINTS: Endpoint[] = [
  {
    ...staff,
    method: 'get',
    path: `${PREFIX}/{slug}`,
    summary: 'Estado de la lista de llamadas de una encuesta',
    responses: { 200: { description: 'Conteos por estado y la llamada que tiene en curso quien pregunta.', body: queueStatus } },
    errors: [404],
  },
  {
    ...staff,
    method: 'post',
    path: `${PREFIX}/{slug}/contacts`,
    summary: 'Importar contactos a la lista de llamadas (CSV pegado: nombre, telefono, servicio, base_consentimiento, fecha_consentimiento)',
    body: importInput,
    form: CAMPAIGN_FORM,
    responses: { 200: { description: 'Cuántos se importaron y qué líneas se omitieron.', body: importSummary } },
    errors: [404],
  },
  {
    ...staff,
    method: 'post',
    path: `${PREFIX}/{slug}/next`,
    summary: 'Tomar el siguiente contacto por llamar (o recuperar el que ya tiene)',
    body: emptyInput,
    form: 'Botón «Llamar al siguiente»: a la página de la llamada, o de vuelta a la campaña si no hay contactos.',
    responses: { 200: { description: 'El contacto, o `contact: null` si no hay a quién llamar ahora.', body: nextContact } },
    errors: [404, 409],
  },
  {
    ...staff,
    method: 'post',
    path: `${PREFIX}/{slug}/purge`,
    summary: 'Suprimir los datos personales de los contactos que ya no se llamarán',
    body: emptyInput,
    form: CAMPAIGN_FORM,
    responses: { 200: { description: 'Cuántos contactos se suprimieron.', body: purged } },
    errors: [404],
  },
  {
    ...staff,
    method: 'get',
    path: `${PREFIX}/{slug}/report`,
    summary: 'Informe de la encuesta telefónica: contactabilidad, resultados, CSAT y NPS por servicio',
    responses: { 200: { description: 'El informe.', body: telephoneReport } },
    errors: [404],
  },
  {
    ...staff,
    method: 'get',
    path: `${PREFIX}/{slug}/report.csv`,
    summary: 'El informe de la encuesta telefónica en CSV',
    responses: { 200: { description: 'El informe, una fila por servicio y el total.', media: 'text/csv', download: reportCsvFilename('satisfaccion-telefonica') } },
    errors: [404],
  },
  {
    ...staff,
    method: 'get',
    path: `${PREFIX}/contacts/{id}`,
    params: contact,
    summary: 'Un contacto de la lista con su historial de llamadas',
    responses: { 200: { description: 'El contacto.', body: phoneContact } },
    errors: [404],
  },
  {
    ...staff,
    method: 'post',
    path: `${PREFIX}/contacts/{id}/outcome`,
    params: contact,
    summary: 'Registrar el resultado de una llamada sin encuesta (no contestó, ocupado, volver a llamar…)',
    body: outcomeInput,
    form: CALL_FORM,
    responses: { 200: { description: 'El contacto con su nuevo estado.', body: outcomeSummary } },
    errors: [404, 409],
  },
  {
    ...staff,
    method: 'post',
    path: `${PREFIX}/contacts/{id}/response`,
    params: contact,
    summary: 'Registrar la encuesta respondida durante la llamada y cerrar la llamada como completada',
    description: 'Las respuestas se validan con la definición de la encuesta del contacto, como en el formulario público.',
    body: submissionSchema(anyAnswers).pick({ answers: true, consent: true }).extend(callNotesInput.shape),
    form: CALL_FORM,
    responses: { 200: { description: 'La respuesta registrada.', body: completedCall } },
    errors: [404, 409],
  },
  {
    ...staff,
    method: 'post',
    path: `${PREFIX}/forget`,
    summary: 'Retirar un número de todas las listas de llamadas a petición de su titular (Ley 1581)',
    body: forgetInput,
    form: CALL_FORM,
    responses: { 200: { description: 'Cuántos contactos se suprimieron.', body: purged } },
  },
];
