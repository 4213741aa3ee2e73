import { uniqueSlug } from '../support/db.ts';
import { postJson } from '../support/http.ts';
import { bearer } from '../support/staff.ts';

type Question = Record<string, unknown> & { id: string; type: string };

/** A question with every field the builder expects, overridable. */
export const question = (id: string, type: string, extra: Record<string, unknown> = {}): Question => ({
  id,
  type,
  label: `Pregunta ${id}`,
  help: null,
  required: true,
  section: null,
  options: [],
  items: [],
  min: null,
  max: null,
  allowOther: false,
  condition: null,
  ...extra,
});

export const options = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));

/** One question of every type, in two sections, with «Otro», bounds and a condition. */
export const ALL_TYPES: Question[] = [
  question('servicio', 'single_choice', { section: 'Uso', options: options('boleteria', 'asesoria'), allowOther: true }),
  question('temas', 'multiple_choice', { section: 'Uso', required: false, options: options('precio', 'horario', 'trato'), min: 1, max: 2, allowOther: true }),
  question('conoce', 'matrix', { section: 'Uso', options: options('no', 'si'), items: [{ key: 'web', label: 'Sitio web' }, { key: 'linea', label: 'Línea telefónica' }] }),
  question('calificacion', 'scale_5', { section: 'Opinión' }),
  question('recomendacion', 'nps', { section: 'Opinión', required: false }),
  question('visitas', 'number', { section: 'Opinión', required: false, min: 1, max: 20 }),
  question('fecha', 'date', { section: 'Opinión', required: false }),
  question('mejora', 'short_text', { section: 'Opinión', required: true, condition: { question: 'calificacion', anyOf: ['1', '2'] } }),
  question('comentario', 'long_text', { section: 'Opinión', required: false }),
];

export const VALID_ALL_TYPES = {
  servicio: 'otro',
  servicio__otro: 'Convocatorias',
  temas: ['precio', 'trato'],
  conoce: { web: 'si', linea: 'no' },
  calificacion: 4,
  recomendacion: 9,
  visitas: 3,
  fecha: '2026-11-20',
  comentario: 'Muy útil',
};

export function definition(questions: Question[] = ALL_TYPES, extra: Record<string, unknown> = {}) {
  return {
    slug: uniqueSlug('constructor'),
    title: 'Encuesta del constructor',
    description: 'Creada en una prueba.',
    planActivity: '1.1',
    opensAt: null,
    closesAt: null,
    questions,
    ...extra,
  };
}

/** Saves a definition through the builder API (communications role) and opens it. */
export async function createOpenSurvey(def = definition()): Promise<string> {
  const headers = await bearer('communications');
  const saved = await postJson('/api/admin/surveys', def, { headers });
  if (saved.status !== 201) throw new Error(`create failed: ${saved.status} ${saved.text}`);
  const opened = await postJson(`/api/admin/surveys/${def.slug}/status`, { status: 'open' }, { headers });
  if (opened.status !== 200) throw new Error(`open failed: ${opened.status} ${opened.text}`);
  return def.slug;
}
