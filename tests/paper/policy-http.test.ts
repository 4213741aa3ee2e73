import { afterAll, describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { toBogotaInputValue } from '../../src/lib/bogota-time.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { joinArea, newPerson } from './fixtures.ts';

// The only vitest file that opens a policy vote (one is open at a time); it closes it when done.
const admin = () => bearer('admin', 'admin-politica@agencia.gov.co');
const propose = (title: string, headers: Record<string, string>) => postJson('/api/admin/paper/measures', { title }, { headers });
const vote = (id: number, headers: Record<string, string>) => postJson(`/api/admin/paper/measures/${id}/vote`, {}, { headers });
let roundId = 0;

afterAll(async () => {
  await sql`update public.paper_policy_rounds set closes_at = now() where id = ${roundId} and closes_at > now()`;
});

describe('the paper policy vote', () => {
  it('opens one vote at a time, with its closing date in the future', async () => {
    const past = await postJson('/api/admin/paper/policy', { title: 'Votación', closesAt: '2020-01-01T00:00:00-05:00' }, { headers: await admin() });
    expect(past.status).toBe(422);
    // From the staff form: the closing time typed in Colombian time.
    const closes = new Date(Date.now() + 86_400_000);
    const local = toBogotaInputValue(closes);
    const opened = await postForm('/api/admin/paper/policy', [['title', 'Política de papel de prueba'], ['closesAt', local]], { headers: await admin() });
    expect(opened.status, opened.text).toBe(303);
    expect(opened.headers.get('location')).toBe('/staff/papel/politica?ok=abierta');
    const round = (await request('/api/admin/paper/policy', { headers: await admin() })).body;
    expect(round).toMatchObject({ title: 'Política de papel de prueba', status: 'open', measures: [], voters: 0 });
    expect(Date.parse(round.closesAt)).toBe(Date.parse(`${local}:00-05:00`));
    roundId = round.id;
    const second = await postJson('/api/admin/paper/policy', { title: 'Otra', closesAt: new Date(Date.now() + 86_400_000).toISOString() }, { headers: await admin() });
    expect(second.status).toBe(409);
    expect(await sql`select 1 from public.plan_evidence where activity_code = '3.1' and url = '/informes/politica-papel'`).toHaveLength(1);
  });

  it('counts one vote per person and measure, even sent five times at once; adopts what more than half support', async () => {
    const [ana, beto, caro] = [await newPerson(), await newPerson('communications'), await newPerson('box_office')];
    for (const person of [ana, beto, caro]) await joinArea(person, 'talento-humano');
    const a = await propose('Imprimir solo a doble cara', ana);
    expect(a.status, a.text).toBe(201);
    const b = (await propose('Firmar todo digitalmente', beto)).body.id;
    const c = (await propose('Cuota de hojas por persona', caro)).body.id;
    expect((await propose('imprimir solo a DOBLE cara', caro)).status).toBe(409);

    const burst = await Promise.all(Array.from({ length: 5 }, () => vote(a.body.id, ana)));
    expect(burst.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const person of [beto, caro]) expect((await vote(a.body.id, person)).status).toBe(201);
    for (const person of [ana, beto]) expect((await vote(b, person)).status).toBe(201);
    expect((await vote(c, caro)).status).toBe(201);

    const open = (await request('/api/admin/paper/policy', { headers: ana })).body;
    expect(open.voters).toBe(3);
    expect(open.measures.map((m: { votes: number; adopted: boolean; myVote: boolean }) => [m.votes, m.adopted, m.myVote])).toEqual([
      [3, false, true],
      [2, false, true],
      [1, false, false],
    ]);

    // The vote closes: 3 of 3 and 2 of 3 are more than half, 1 of 3 is not.
    await sql`update public.paper_policy_rounds set closes_at = now() where id = ${roundId}`;
    const page = await request('/informes/politica-papel');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Imprimir solo a doble cara<\/strong>[^<]*\(3 de 3 apoyos\)/);
    expect(page.text).toMatch(/Firmar todo digitalmente<\/strong>[^<]*\(2 de 3 apoyos\)/);
    expect(page.text).toContain('Cuota de hojas por persona: 1 apoyo');
    expect(page.text).not.toMatch(/papel-[a-z0-9]+-\d+@/);

    const late = await vote(c, ana);
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({ code: 'closed', message: 'La votación de la política de papel ya cerró.' });
    expect((await propose('Una medida tardía', ana)).body.error.code).toBe('closed');
    expect((await vote(123_456_789, ana)).status).toBe(404);
  });

  it('keeps votes and players out of reach of the API roles', async () => {
    for (const table of ['paper_measure_votes', 'paper_players', 'paper_claims', 'paper_quiz_questions']) {
      const read = sql.begin(async (tx) => {
        await tx`set local role authenticated`;
        await tx`select * from ${sql('public.' + table)} limit 1`;
      });
      await expect(read, table).rejects.toThrow(/permission denied/);
    }
  });
});
