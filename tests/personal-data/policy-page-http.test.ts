import { describe, expect, it } from 'vitest';
import { retentionLabel, type DataPolicy } from '../../src/lib/personal-data/policy.ts';
import { store } from '../support/db.ts';
import { request } from '../support/http.ts';
import { createEvent } from '../tickets/fixture.ts';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

describe('/datos-personales: the Política de tratamiento says what the retention job does', () => {
  it('lists every dataset with its purpose, fields, audience and retention, from the rules the job applies', async () => {
    const policy = await store.rpc<DataPolicy>('get_personal_data_policy');
    expect(policy.datasets.map((d) => d.dataset)).toEqual(expect.arrayContaining(['ticket_registrations', 'advisory_bookings', 'hearing_askers', 'phone_contacts']));
    const page = await request('/datos-personales');
    expect(page.status).toBe(200);
    for (const d of policy.datasets) {
      expect(page.text, d.dataset).toContain(`id="conjunto-${d.dataset}"`);
      for (const text of [d.title, d.purpose, d.audience, d.personalFields.join(', '), retentionLabel(d)]) expect(page.text, `${d.dataset}: ${text}`).toContain(escape(text));
    }
    expect(page.text).toContain('90 días después de la fecha del evento');
  });

  it('has an anchor for every consent version, and a form links its notice to that version', async () => {
    const policy = await store.rpc<DataPolicy>('get_personal_data_policy');
    const page = await request('/datos-personales');
    for (const c of policy.consents) expect(page.text).toContain(`id="${c.version}"`);
    const event = await createEvent();
    const form = await request(`/servicios/boleteria/${event.slug}`);
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/href="\/datos-personales#boleteria-v1"/);
  });
});
