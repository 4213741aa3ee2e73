import { addRequirementInput, improvementActionInput, saveAnswersInput, startDiagnosisInput } from '../../../diagnosis/schemas.ts';
import type { Endpoint } from '../endpoint.ts';

const staff = { tag: 'Autodiagnóstico (personal)', staff: true, description: 'Rol: admin.' } as const;
const YEAR = { year: 'Año del autodiagnóstico, por ejemplo 2026.' };
const form = (back: string, ok: string) => `Formulario del personal: vuelve a \`${back}\` con \`?ok=${ok}\` o \`?error=<mensaje>\`.`;
const REPORT = 'El autodiagnóstico: estado, puntajes por dimensión y general con su nivel de madurez, cada requisito con su valoración, y los puntajes del año anterior publicado.';

export const DIAGNOSIS_ENDPOINTS: Endpoint[] = [
  {
    ...staff,
    method: 'get',
    path: '/api/admin/diagnosis',
    summary: 'Los autodiagnósticos por año, las dimensiones y la lista de requisitos (retirados al final)',
    responses: { 200: { description: 'Autodiagnósticos y requisitos.' } },
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/diagnosis',
    summary: 'Iniciar el autodiagnóstico de un año',
    description: 'Rol: admin. 409 `duplicate`: ese año ya existe.',
    body: startDiagnosisInput,
    form: form('/staff/diagnostico', 'iniciado'),
    responses: { 201: { description: REPORT } },
    errors: [409],
  },
  {
    ...staff,
    method: 'get',
    path: '/api/admin/diagnosis/{year}',
    params: YEAR,
    summary: 'Un autodiagnóstico, borrador o publicado',
    responses: { 200: { description: REPORT } },
    errors: [404],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/diagnosis/{year}/answers',
    params: YEAR,
    summary: 'Guardar valoraciones, enlaces de evidencia y acciones propuestas (todas o ninguna)',
    description:
      'Rol: admin. Valoración: `complies` (1 punto), `partial` (½), `does_not` (0), `not_applicable` (fuera del puntaje). En el formulario los enlaces van uno por línea y un requisito sin valoración queda sin evaluar. 409 `locked`: ya publicado.',
    body: saveAnswersInput,
    form: form('/staff/diagnostico/{year}', 'guardado'),
    responses: { 200: { description: REPORT } },
    errors: [404, 409],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/diagnosis/{year}/publish',
    params: YEAR,
    summary: 'Publicar el autodiagnóstico (queda como evidencia de la actividad 1.3 y ya no cambia)',
    description: 'Rol: admin. 422: faltan requisitos por evaluar. 409 `locked`: ya publicado.',
    form: form('/staff/diagnostico/{year}', 'publicado'),
    responses: { 200: { description: REPORT } },
    errors: [404, 409, 422],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/diagnosis/{year}/improvement-actions',
    params: YEAR,
    summary: 'Convertir la acción propuesta de un requisito en una acción de mejora con seguimiento',
    description: 'Rol: admin. Una sola vez por acción propuesta (409 `duplicate`). 404: el requisito no tiene acción propuesta ese año.',
    body: improvementActionInput,
    form: form('/staff/diagnostico/{year}', 'accion'),
    responses: { 201: { description: 'La acción de mejora creada (fuente `diagnosis`, referencia el código del requisito).' } },
    errors: [404, 409],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/diagnosis-requirements',
    summary: 'Añadir un requisito a la lista (los borradores lo incluyen de inmediato)',
    description: 'Rol: admin. 409 `duplicate`: ya existe ese código.',
    body: addRequirementInput,
    form: form('/staff/diagnostico', 'requisito'),
    responses: { 201: { description: 'El código del requisito creado.' } },
    errors: [409],
  },
  {
    ...staff,
    method: 'post',
    path: '/api/admin/diagnosis-requirements/{code}/retire',
    summary: 'Retirar un requisito (los autodiagnósticos publicados lo conservan)',
    form: form('/staff/diagnostico', 'retirado'),
    responses: { 200: { description: 'El requisito y la fecha en que se retiró.' } },
    errors: [404],
  },
];
