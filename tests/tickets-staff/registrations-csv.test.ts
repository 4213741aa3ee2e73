import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { addRegistration, newEvent } from './fixtures.ts';

const csvPath = (slug: string, q?: string) => `/api/admin/exports/registrations.csv?event=${slug}${q ? `&q=${encodeURIComponent(q)}` : ''}`;

describe('registrations: search and CSV export', () => {
  it('searches by code, name, document and e-mail, and pages the list', async () => {
    const slug = await newEvent();
    const ana = await addRegistration(slug, { fullName: 'Ana Rojas', documentId: '52123456', email: 'ana.rojas@correo.co' });
    await addRegistration(slug, { fullName: 'Beto Díaz', documentId: '80111222', email: 'beto@correo.co' });
    await addRegistration(slug, { fullName: 'Carla Mejía', documentId: '43999888', email: 'carla_m@correo.co' });
    const headers = await bearer('box_office');
    const search = async (q: string) => (await request(`/api/admin/events/${slug}/registrations?q=${encodeURIComponent(q)}`, { headers })).body;

    expect((await search('rojas')).items.map((r: any) => r.fullName)).toEqual(['Ana Rojas']);
    expect((await search(ana.toLowerCase().replace('-', ''))).items.map((r: any) => r.code)).toEqual([ana]);
    expect((await search('80.111')).items.map((r: any) => r.fullName)).toEqual(['Beto Díaz']);
    expect((await search('carla_m@')).items.map((r: any) => r.fullName)).toEqual(['Carla Mejía']);
    // A typed % or _ is a character, not a wildcard.
    expect((await search('%')).total).toBe(0);
    const all = await search('');
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(all.items.map((r: any) => r.fullName)).toEqual(['Ana Rojas', 'Beto Díaz', 'Carla Mejía']);
  });

  it('exports every registration as CSV, with cells a spreadsheet would run as formulas neutralised', async () => {
    const slug = await newEvent();
    const evil = await addRegistration(slug, { fullName: '=HYPERLINK("http://malo.example","Clic")', quantity: 2, phone: '+57 300 111 2233' });
    const plain = await addRegistration(slug, { fullName: 'Dora, la del "Sur"', checkedIn: true });
    const reply = await request(csvPath(slug), { headers: await bearer('box_office') });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="inscripciones-${slug}.csv"`);
    expect(reply.headers.get('cache-control')).toBe('no-store');

    const parsed = parseCsv(reply.text);
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.records.map((r) => r.cells);
    expect(header).toEqual(['codigo', 'nombre', 'tipo_documento', 'documento', 'correo', 'telefono', 'boletas', 'estado', 'inscrita_en', 'cancelada_en', 'ingreso_en', 'ingreso_registrado_por']);
    const byCode = Object.fromEntries(rows.map((row) => [row[0], row]));
    expect(byCode[evil][1]).toBe(`'=HYPERLINK("http://malo.example","Clic")`);
    expect(byCode[evil][5]).toBe(`'+57 300 111 2233`);
    expect(byCode[evil][6]).toBe('2');
    expect(byCode[evil][7]).toBe('Inscrita');
    expect(byCode[plain][1]).toBe('Dora, la del "Sur"');
    expect(byCode[plain][7]).toBe('Ingresó');
    expect(byCode[plain][11]).toBe('taquilla-fixture@agencia.gov.co');
    expect(rows).toHaveLength(2);
    // No raw cell of the file starts with a formula character.
    expect(reply.text.split(/[\r\n,]+/).filter((cell) => /^[=+@]/.test(cell))).toEqual([]);
  });

  it('exports what the search found, refuses an unknown event (404) and roles without the door list (403)', async () => {
    const slug = await newEvent();
    await addRegistration(slug, { fullName: 'Elena Gómez' });
    await addRegistration(slug, { fullName: 'Fabio Ruiz' });
    const found = await request(csvPath(slug, 'elena'), { headers: await bearer('communications') });
    expect(found.status).toBe(200);
    expect(found.text).toContain('Elena Gómez');
    expect(found.text).not.toContain('Fabio Ruiz');
    expect((await request(csvPath('no-existe-este-evento'), { headers: await bearer('box_office') })).status).toBe(404);
    expect((await request(csvPath(slug), { headers: await bearer('advisor') })).status).toBe(403);
  });
});
