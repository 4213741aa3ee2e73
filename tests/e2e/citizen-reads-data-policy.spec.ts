import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/tickets.ts';

test.describe('a citizen reads the personal-data policy', () => {
  test('from the ticket form\'s notice to the version accepted, then what is kept and for how long', async ({ page }) => {
    // axe over the whole policy takes long on a loaded machine.
    test.setTimeout(120_000);
    await page.goto('/servicios/boleteria/leones-vs-halcones');
    await page.getByRole('group', { name: /Autorización de tratamiento/ }).getByRole('link', { name: 'Política de tratamiento de datos personales' }).click();
    await expect(page).toHaveURL(/\/datos-personales#boleteria-v1$/);
    await expect(page.locator('[id="boleteria-v1"]')).toBeInViewport();

    const tickets = page.getByRole('region', { name: 'Boletas de eventos' });
    await expect(tickets.getByText('90 días después de la fecha del evento')).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Reservas de asesoría a emprendedores' })).toBeVisible();
    // Kept by law, not by consent: the requests themselves, for the SIC's three years.
    await expect(page.getByRole('region', { name: 'Sus solicitudes sobre datos personales' }).getByText('3 años después de la respuesta a su solicitud')).toBeVisible();
    await expectNoViolations(page);
  });
});
