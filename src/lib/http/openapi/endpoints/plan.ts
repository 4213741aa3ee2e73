import { activityStatusInput, evidenceInput, planVersionInput } from '../../../plan/schemas.ts';
import { plan, planActivity, planEvidence, planVersion } from '../bodies/plan.ts';
import type { Endpoint } from '../endpoint.ts';

const TAG = 'Plan de participación';
const STAFF_FORM = 'Formulario del personal: vuelve a `/staff` con `?ok=` o `?error=`.';

export const PLAN_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/api/plan',
    tag: TAG,
    summary: 'Las actividades del plan por fase, con estado, responsables, fechas y evidencias',
    responses: { 200: { description: 'El plan.', body: plan } },
  },
  {
    method: 'post',
    path: '/api/admin/plan/activities/{code}/status',
    tag: TAG,
    staff: true,
    summary: 'Cambiar el estado de una actividad del plan',
    body: activityStatusInput,
    form: STAFF_FORM,
    responses: { 200: { description: 'La actividad actualizada.', body: planActivity } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/plan/activities/{code}/evidence',
    tag: TAG,
    staff: true,
    summary: 'Añadir un enlace de evidencia a una actividad del plan',
    body: evidenceInput,
    form: STAFF_FORM,
    responses: { 200: { description: 'La evidencia añadida.', body: planEvidence } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/plan/versions',
    tag: TAG,
    staff: true,
    summary: 'Publicar una nueva versión del plan con lo que cambió',
    body: planVersionInput,
    form: STAFF_FORM,
    responses: { 201: { description: 'La versión publicada, con la fecha de hoy en Bogotá.', body: planVersion } },
    errors: [409],
  },
];
