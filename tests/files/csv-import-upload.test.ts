import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { request } from '../support/http.ts';
import { staffToken } from '../support/staff.ts';
import { PARTICIPA_URL } from '../support/env.ts';
import { PDF } from './samples.ts';

// The networks' figures import takes the CSV as an uploaded file, through the same type check as
// evidence files and the same all-or-nothing importer as the pasted text.
async function postFile(bytes: Uint8Array, name: string) {
  const body = new FormData();
  body.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  body.set('csv', '');
  const cookie = `participa_staff=${await staffToken('communications')}`;
  return request('/staff/monitoreo/redes', { method: 'POST', headers: { cookie, origin: PARTICIPA_URL }, body });
}

describe('importing figures from an uploaded CSV file', () => {
  it('imports every row of a valid file', async () => {
    const day = `2016-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
    const reply = await postFile(new TextEncoder().encode(`red,fecha,seguidores\ntiktok,${day},4321\n`), 'cifras.csv');
    expect(reply.status, reply.text.slice(0, 500)).toBe(303);
    const rows = await sql`select followers from public.social_followers where network = 'tiktok' and measured_on = ${day}`;
    expect(rows.map((r) => r.followers)).toEqual([4321]);
  });

  it('refuses a whole file with one bad row, and shows its text with the error', async () => {
    const reply = await postFile(new TextEncoder().encode('red,fecha,seguidores\ntiktok,2016-01-01,muchos\n'), 'cifras.csv');
    expect(reply.status).toBe(422);
    expect(reply.text).toContain('Fila 2, columna seguidores');
    expect(reply.text).toContain('tiktok,2016-01-01,muchos');
  });

  it('refuses a PDF named .csv, saying what it is', async () => {
    const reply = await postFile(PDF, 'cifras.csv');
    expect(reply.status).toBe(422);
    expect(reply.text).toContain('es en realidad un documento PDF');
  });
});
