import { expect, test } from '@playwright/test';
import { tabTo } from './support/keyboard.ts';
import { chooseRadio, signInAs, uniqueStaffEmail } from './support/paper-diagnosis.ts';
import { expectNoViolations } from './support/axe.ts';
import { sql } from './support/tickets.ts';

test('a staff member joins a team, completes the week’s challenge and its quiz by keyboard, and the leaderboard updates', async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  const name = `Prueba ${Date.now().toString(36)}`;
  // The seed's challenge of the current week: 10 points, two questions (right: the first option, then the second).
  const [challenge] = await sql()`
    select c.id, c.points, c.action_label, array_agg(q.id order by q.position) as questions
    from public.paper_challenges c join public.paper_quiz_questions q on q.challenge_id = c.id
    where c.title = 'Reutilice el papel de una cara' group by c.id`;
  await signInAs(context, baseURL!, 'interviewer', uniqueStaffEmail('papel-e2e'));

  await page.goto('/staff/papel/posiciones');
  await expect(page.getByRole('heading', { level: 1, name: 'Tabla de posiciones' })).toBeVisible();
  await expectNoViolations(page);
  const pointsOf = async () => Number((await page.locator('tr[data-area="financiera"] td').first().textContent().catch(() => '0'))?.replace(/\D/g, '') || 0);
  const before = (await page.locator('tr[data-area="financiera"]').count()) > 0 ? await pointsOf() : 0;

  // From the staff home to the game, keyboard only.
  await page.goto('/staff');
  await tabTo(page, 'a[href="/staff/papel"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Retos del papel' })).toBeVisible();
  await expectNoViolations(page);

  // Join the Financiera team, showing a name on the leaderboard.
  await tabTo(page, '#papel-area');
  await page.keyboard.type('Financiera');
  await tabTo(page, '#papel-mostrar');
  await page.keyboard.press('Space');
  await tabTo(page, '#papel-nombre');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Equipo guardado.');
  await expect(page.getByRole('heading', { level: 2, name: 'Mi equipo: Financiera' })).toBeVisible();
  await expectNoViolations(page);

  // Report the challenge.
  await tabTo(page, `form[action="/api/admin/paper/challenges/${challenge.id}/claim"] button`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Reto reportado');
  await expect(page.locator('[data-my-points]')).toHaveText(String(challenge.points));
  await expect(page.locator('[data-badge="primer-reto"]')).toBeVisible();

  // Answer its quiz: one right, one wrong.
  const [q1, q2] = challenge.questions;
  await chooseRadio(page, `answers.${q1}`, 0);
  await chooseRadio(page, `answers.${q2}`, 0);
  await tabTo(page, `form[action="/api/admin/paper/challenges/${challenge.id}/quiz"] button[type="submit"]`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Respuestas enviadas.');
  await expect(page.getByRole('heading', { level: 4, name: 'Quiz: 1 de 2 correctas, 2 puntos' })).toBeVisible();
  await expect(page.getByText('Respuesta correcta: Va a la bandeja de reciclaje.')).toBeVisible();
  await expect(page.locator('[data-my-points]')).toHaveText(String(challenge.points + 2));
  await expect(page.locator(`form[action="/api/admin/paper/challenges/${challenge.id}/claim"]`)).toHaveCount(0);
  await expectNoViolations(page);

  // The leaderboard: the team gained the points, and the name shows because the person chose so.
  await tabTo(page, 'a[href="/staff/papel/posiciones"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tabla de posiciones' })).toBeVisible();
  expect(await pointsOf()).toBe(before + challenge.points + 2);
  await expect(page.getByRole('listitem').filter({ hasText: name })).toHaveText(`${name} (Financiera): ${challenge.points + 2} puntos`);
  await expectNoViolations(page);
});
