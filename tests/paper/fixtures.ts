import { expect } from 'vitest';
import { postJson } from '../support/http.ts';
import { bearer } from '../support/staff.ts';

let people = 0;
/** A staff member of some role who has not played yet (each e-mail is its own person: the token's sub). */
export async function newPerson(role: 'communications' | 'advisor' | 'interviewer' | 'box_office' = 'advisor') {
  people += 1;
  return bearer(role, `papel-${Date.now().toString(36)}-${people}@agencia.gov.co`);
}

/** Today in Colombia, as a day of this week's challenges. */
export const bogotaToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Bogota' });

/** A challenge of this week with a two-question quiz (right answers: option 1, then option 0). */
export async function newChallenge(points = 10, weekOf = bogotaToday()): Promise<{ id: number; questions: number[] }> {
  const reply = await postJson(
    '/api/admin/paper/challenges',
    {
      weekOf,
      title: `Reto de prueba ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`,
      description: 'Imprima solo lo necesario esta semana.',
      actionLabel: 'Imprimí solo lo necesario',
      points,
      questions: [
        { prompt: '¿Qué ahorra más papel?', options: ['Imprimir todo', 'Leer en pantalla'], correctOption: 1, explanation: 'Lo que no se imprime no gasta papel.' },
        { prompt: '¿Qué cara se usa primero?', options: ['Las dos', 'Solo una'], correctOption: 0, explanation: 'Doble cara gasta la mitad.' },
      ],
    },
    { headers: await bearer('admin', 'admin-papel@agencia.gov.co') },
  );
  expect(reply.status, reply.text).toBe(201);
  const { sql } = await import('../support/db.ts');
  const questions = await sql`select id from public.paper_quiz_questions where challenge_id = ${reply.body.id} order by position`;
  return { id: reply.body.id, questions: questions.map((q) => Number(q.id)) };
}

export async function joinArea(headers: Record<string, string>, area: string, displayName?: string) {
  const reply = await postJson('/api/admin/paper/team', { area, showName: displayName !== undefined, displayName }, { headers });
  expect(reply.status, reply.text).toBe(200);
}
