import { sql, uniqueSlug } from './db.ts';

type QuestionFixture = { key: string; type: string; required?: boolean; options?: string[] };

export const BASIC_QUESTIONS: QuestionFixture[] = [
  { key: 'servicio', type: 'single_choice', options: ['boleteria', 'asesoria'] },
  { key: 'temas', type: 'multiple_choice', required: false, options: ['precio', 'horario', 'trato'] },
  { key: 'calificacion', type: 'scale_5' },
  { key: 'recomendacion', type: 'nps', required: false },
  { key: 'comentario', type: 'long_text', required: false },
];

export const VALID_ANSWERS = { servicio: 'boleteria', temas: ['precio', 'trato'], calificacion: 4, recomendacion: 9, comentario: 'Muy útil' };

/** A survey of its own for one test, so tests never share counters or rows. */
export async function createSurvey(
  options: { status?: 'draft' | 'open' | 'closed'; opensAt?: Date | null; closesAt?: Date | null; questions?: QuestionFixture[] } = {},
): Promise<string> {
  const slug = uniqueSlug('prueba');
  const [{ id }] = await sql`
    insert into public.surveys (slug, plan_activity_code, title, description, status, opens_at, closes_at, consent_version)
    values (${slug}, '1.1', 'Encuesta de prueba', 'Para pruebas', ${options.status ?? 'open'},
            ${options.opensAt ?? null}, ${options.closesAt ?? null}, 'encuestas-v1')
    returning id`;
  for (const [position, q] of (options.questions ?? BASIC_QUESTIONS).entries()) {
    const [{ id: questionId }] = await sql`
      insert into public.survey_questions (survey_id, key, position, type, label, required)
      values (${id}, ${q.key}, ${position}, ${q.type}, ${`Pregunta ${q.key}`}, ${q.required ?? true})
      returning id`;
    for (const [i, value] of (q.options ?? []).entries()) {
      await sql`insert into public.survey_question_options (question_id, value, label, position) values (${questionId}, ${value}, ${value}, ${i})`;
    }
  }
  return slug;
}

export async function countResponses(slug: string): Promise<number> {
  const [{ n }] = await sql`select count(*)::int as n from public.survey_responses r join public.surveys s on s.id = r.survey_id where s.slug = ${slug}`;
  return n;
}

type DefinitionQuestion = {
  id: string;
  type: string;
  required: boolean;
  options: { value: string }[];
  items?: { key: string }[];
  min?: number | null;
  max?: number | null;
  condition?: { question: string; anyOf: string[] } | null;
};

/**
 * A valid answer for every required question of a published definition (any seeded survey): the first
 * option of choices and matrix rows, the lowest allowed number, a fixed date. Questions whose condition
 * does not hold for the answers chosen so far are left unanswered, as the rules require.
 */
export function sampleAnswers(questions: DefinitionQuestion[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const matches = (value: unknown, anyOf: string[]) => ([] as unknown[]).concat(value).some((v) => anyOf.includes(String(v)));
  for (const q of questions) {
    if (q.condition && !matches(answers[q.condition.question], q.condition.anyOf)) continue;
    if (!q.required) continue;
    const regular = q.options.filter((o) => o.value !== 'otro').map((o) => o.value);
    const first = regular[0];
    answers[q.id] = {
      single_choice: first,
      multiple_choice: regular.slice(0, Math.max(q.min ?? 1, 1)),
      scale_5: 4,
      nps: 9,
      matrix: Object.fromEntries((q.items ?? []).map((i) => [i.key, first])),
      number: q.min ?? 1,
      date: '2026-11-24',
      short_text: 'texto',
      long_text: 'texto',
    }[q.type];
  }
  return answers;
}
