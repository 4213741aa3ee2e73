import { expectNoViolations } from './support/axe.ts';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { postJson } from '../support/http.ts';
import { staffToken } from '../support/staff.ts';
import { addRegistration, newEvent } from '../tickets-staff/fixtures.ts';
import { tabTo } from './support/keyboard.ts';



async function signIn(context: BrowserContext, baseURL: string, token: string) {
  await context.clearCookies();
  await context.addCookies([{ name: 'participa_staff', value: token, url: baseURL, httpOnly: true, sameSite: 'Strict' }]);
}

test('the box office checks a ticket in by keyboard; the second time it is refused, saying when', async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  const title = `Leones vs. Prueba ${Date.now().toString(36)}`;
  const slug = await newEvent({ title, capacity: 30 });
  // Ana gets her ticket the way citizens do, through the public API.
  const registered = await postJson(`/api/events/${slug}/registrations`, {
    fullName: 'Ana Rojas', documentId: String(Date.now()).slice(-10), email: `ana.${Date.now().toString(36)}@correo.co`, quantity: 2, consent: true,
  });
  expect(registered.status, registered.text).toBe(201);
  const code: string = registered.body.code;
  const problems: string[] = [];
  // A refused check-in is an HTTP 409 page, which the console reports too; anything else (a script
  // blocked by the CSP, an island failing) is a problem.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });

  await signIn(context, baseURL!, await staffToken('box_office', 'taquilla-e2e@agencia.gov.co'));
  await page.goto('/staff/eventos');
  await expect(page.getByRole('heading', { level: 1, name: 'Eventos y boletería' })).toBeVisible();
  await expectNoViolations(page);

  // From the list to the door, keyboard only.
  // Every event the suite created is listed before it, each with its links: a long way by keyboard.
  await tabTo(page, `a[href="/staff/eventos/${slug}/ingreso"]`, 2000);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/staff/eventos/${slug}/ingreso$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ingreso: ${title}`);
  await expect(page.getByLabel('Código de la boleta')).toBeFocused();
  await expectNoViolations(page);

  // Typed as it is read from a paper ticket: small letters, no dash.
  await page.keyboard.type(code.replace('-', '').toLowerCase());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Puede ingresar' })).toContainText('Ana Rojas: 2 personas');
  await expect(page.getByLabel('Código de la boleta')).toBeFocused();
  await expect(page.getByLabel('Código de la boleta')).toHaveValue('');
  await expectNoViolations(page);

  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  const refused = page.getByRole('alert').filter({ hasText: 'No puede ingresar' });
  await expect(refused).toContainText(new RegExp(`La boleta ${code} ya se usó: ingresó el \\d{2}/\\d{2}/\\d{4} a las \\d{2}:\\d{2} \\(hora de Colombia\\), registrada por taquilla-e2e@agencia\\.gov\\.co\\.`));
  await expectNoViolations(page);

  // The event page counts the ticket in and lists it as used.
  await page.goto(`/staff/eventos/${slug}`);
  await expect(page.locator('.figures li').filter({ hasText: 'Ingresaron' })).toContainText('1');
  await expect(page.getByRole('row', { name: /Ana Rojas/ })).toContainText('Ingresó');
  await expectNoViolations(page);
  expect(problems).toEqual([]);
});

test('communications edits an event: a smaller aforo than the seats taken is refused beside the field', async ({ page, context, baseURL }) => {
  // Five axe scans, two of them over pages that list every event the whole test run created.
  test.setTimeout(120_000);
  const slug = await newEvent({ title: 'Concierto de prueba', capacity: 10, maxPerRegistration: 2 });
  await addRegistration(slug, { quantity: 4 });
  await signIn(context, baseURL!, await staffToken('communications', 'comunicaciones-e2e@agencia.gov.co'));

  // The list with its create form, and the form showing its errors.
  await page.goto('/staff/eventos');
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Crear evento' }).click();
  await expect(page.getByRole('heading', { name: 'No se guardó el evento: revise lo marcado' })).toBeVisible();
  await expect(page.getByLabel('Título')).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page);

  await page.goto(`/staff/eventos/${slug}`);
  await expectNoViolations(page);
  await page.getByLabel('Aforo').fill('3');
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByText('El aforo no puede ser menor que los 4 cupos ya tomados o reservados. Escriba 4 o más.').first()).toBeVisible();
  await expect(page.getByLabel('Aforo')).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page);

  await page.getByLabel('Aforo').fill('12');
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByText('Cambios guardados.')).toBeVisible();
  await expect(page.locator('.figures li').filter({ hasText: 'Boletas libres' })).toContainText('8');

  await page.goto('/informes/boleteria');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cifras de uso de la boletería en línea');
  await expectNoViolations(page);
});

test('where the browser reads barcodes, the camera button fills the code and submits it', async ({ page, context, baseURL }) => {
  const slug = await newEvent({ title: 'Partido con escáner' });
  const code = await addRegistration(slug, { fullName: 'Beto Díaz' });
  // Chromium on Linux has no BarcodeDetector: stand in for the API and the camera, as a phone would
  // provide them, so the island's own code runs against the served page and its CSP.
  await page.addInitScript((ticket) => {
    class FakeDetector {
      static async getSupportedFormats() {
        return ['qr_code'];
      }
      async detect() {
        return [{ rawValue: ticket }];
      }
    }
    Object.assign(window, { BarcodeDetector: FakeDetector });
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = document.createElement('canvas');
      canvas.getContext('2d')?.fillRect(0, 0, 10, 10);
      return canvas.captureStream();
    };
  }, code);
  await signIn(context, baseURL!, await staffToken('box_office'));

  await page.goto(`/staff/eventos/${slug}/ingreso`);
  await page.getByRole('button', { name: 'Escanear el código QR con la cámara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Puede ingresar' })).toContainText('Beto Díaz: 1 persona');
  await expectNoViolations(page);
});
