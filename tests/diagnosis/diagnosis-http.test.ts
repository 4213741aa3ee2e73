import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { postForm, postJson, request } from '../support/http.ts';
import { bearer } from '../support/staff.ts';
import { FIXTURE_SCORES, FIXTURE_VERDICTS, SEEDED_2025 } from './fixture.ts';

// One file, run in order: the checklist is shared by every draft, so the test that adds and retires a
// requirement must not run beside the ones that count pending requirements.
const admin = () => bearer('admin', 'admin-diagnostico@agencia.gov.co');
const start = async (year: number) => postJson('/api/admin/diagnosis', { year }, { headers: await admin() });
const save = async (year: number, answers: unknown) => postJson(`/api/admin/diagnosis/${year}/answers`, { answers }, { headers: await admin() });
const publish = async (year: number) => postJson(`/api/admin/diagnosis/${year}/publish`, {}, { headers: await admin() });
const fullAnswers = () =>
  Object.fromEntries(Object.entries(FIXTURE_VERDICTS).map(([code, verdict]) => [code, { verdict, evidenceLinks: [], proposedAction: verdict === 'complies' ? undefined : `Mejorar ${code}` }]));
const byCode = (dimensions: { code: string }[]) => Object.fromEntries(dimensions.map((d) => [d.code, d]));

describe('a year of self-diagnosis', () => {
  it('scores a complete assessment exactly as the hand-computed fixture, and compares it with 2025', async () => {
    expect((await start(2091)).status).toBe(201);
    const reply = await save(2091, fullAnswers());
    expect(reply.status, reply.text).toBe(200);
    const dimensions = byCode(reply.body.dimensions);
    for (const code of ['planeacion', 'rendicion', 'digital', 'datos'] as const) {
      expect(dimensions[code], code).toMatchObject(FIXTURE_SCORES[code]);
    }
    expect(reply.body.overall).toMatchObject({ ...FIXTURE_SCORES.overall, assessed: 14, pending: 0, complies: 6, partial: 4, doesNot: 3, notApplicable: 1 });
    expect(reply.body.previous).toMatchObject({ year: SEEDED_2025.year, overall: { score: SEEDED_2025.score, level: SEEDED_2025.level } });
    expect(reply.body.status).toBe('draft');
  });

  it('saves a partial assessment: unassessed requirements stay pending and out of the score', async () => {
    expect((await start(2090)).status).toBe(201);
    const reply = await postForm(
      '/api/admin/diagnosis/2090/answers',
      [
        ['answers.RC-01.verdict', 'complies'],
        ['answers.RC-01.evidenceLinks', '/rendicion-de-cuentas\r\nhttps://www.funcionpublica.gov.co/murc'],
        ['answers.RC-01.proposedAction', ''],
        ['answers.RC-02.verdict', 'does_not'],
        ['answers.RC-02.evidenceLinks', ''],
        ['answers.RC-02.proposedAction', 'Publicar el informe 30 días antes.'],
        ['answers.RC-03.verdict', ''],
      ],
      { headers: await admin() },
    );
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe('/staff/diagnostico/2090?ok=guardado');
    const [rc01] = await sql`select verdict, evidence_links, proposed_action from public.diagnosis_answers where year = 2090 and requirement_code = 'RC-01'`;
    expect(rc01).toEqual({ verdict: 'complies', evidence_links: ['/rendicion-de-cuentas', 'https://www.funcionpublica.gov.co/murc'], proposed_action: null });
    const report = await request('/api/admin/diagnosis/2090', { headers: await admin() });
    expect(byCode(report.body.dimensions).rendicion).toMatchObject({ score: 50, assessed: 2, pending: 2 });
    expect(report.body.overall).toMatchObject({ score: 50, assessed: 2, pending: 12 });
  });

  it('refuses wrong verdicts, links and unknown requirements beside each field, writing nothing (422)', async () => {
    const reply = await save(2090, {
      'RC-03': { verdict: 'mas_o_menos' },
      'RC-04': { verdict: 'complies', evidenceLinks: ['javascript:alert(1)'] },
      'ZZ-99': { verdict: 'complies' },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error.fields).toMatchObject({ 'answers.RC-03.verdict': expect.stringMatching(/cumple/), 'answers.RC-04.evidenceLinks': expect.stringMatching(/https:\/\//) });
    const sqlGate = await save(2090, { 'ZZ-99': { verdict: 'complies' } });
    expect(sqlGate.status).toBe(422);
    expect(sqlGate.body.error.fields).toEqual({ 'answers.ZZ-99': 'Este requisito no hace parte del autodiagnóstico de este año.' });
    expect(await sql`select 1 from public.diagnosis_answers where year = 2090 and requirement_code in ('RC-03', 'RC-04')`).toHaveLength(0);
  });

  it('answers 404 for a year never started and 409 for one started twice', async () => {
    expect((await request('/api/admin/diagnosis/2099', { headers: await admin() })).status).toBe(404);
    expect((await request('/api/admin/diagnosis/dos-mil', { headers: await admin() })).status).toBe(404);
    expect((await save(2099, {})).status).toBe(404);
    const twice = await start(2090);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('duplicate');
  });

  it('publishes only a complete assessment, then freezes it and lists it as evidence of activity 1.3', async () => {
    expect((await publish(2090)).body.error.message).toMatch(/^Faltan 12 requisitos por evaluar/);
    expect((await request('/informes/diagnostico/2091')).status).toBe(404);

    const published = await publish(2091);
    expect(published.status, published.text).toBe(200);
    expect(published.body.status).toBe('published');
    const [evidence] = await sql`select label from public.plan_evidence where activity_code = '1.3' and url = '/informes/diagnostico/2091'`;
    expect(evidence.label).toBe('Autodiagnóstico de participación 2091');

    const locked = await save(2091, { 'RC-01': { verdict: 'does_not' } });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('locked');
    expect((await publish(2091)).status).toBe(409);

    const page = await request('/informes/diagnostico/2091');
    expect(page.status).toBe(200);
    expect(page.text).toContain('61,5 de 100');
    expect(page.text).toContain('Avanzado');
    // Anyone reads the published year's answers through the API roles too; drafts stay hidden by RLS.
    const visible = await sql.begin(async (tx) => {
      await tx`set local role anon`;
      return tx`select distinct year from public.diagnosis_answers where year in (2090, 2091) order by year`;
    });
    expect(visible.map((r) => r.year)).toEqual([2091]);
  });

  it('serves a published year as CSV: one row per requirement, then the scores', async () => {
    const reply = await request('/informes/diagnostico/2091.csv');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="autodiagnostico-participacion-2091.csv"');
    const lines = reply.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('codigo,dimension,requisito,fuente_legal,evidencia_pedida,area_responsable,valoracion,enlaces_evidencia,accion_propuesta');
    expect(lines.filter((l) => /^[A-Z]+-\d+,/.test(l))).toHaveLength(14);
    expect(lines.at(-1)).toBe('puntaje,General,61.5 (Intermedio)');
    expect((await request('/informes/diagnostico/2090.csv')).status).toBe(404);
  });

  it('turns a proposed action into an improvement action once, tracked and published with the report', async () => {
    const path = '/api/admin/diagnosis/2091/improvement-actions';
    const created = await postJson(path, { code: 'PART-02', ownerArea: 'Planeación', dueOn: '2027-03-31' }, { headers: await admin() });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ source: 'diagnosis', sourceRef: 'PART-02', title: 'Mejorar PART-02', ownerArea: 'Planeación', dueOn: '2027-03-31', status: 'planned' });

    const twice = await Promise.all([1, 2].map(async () => postJson(path, { code: 'PART-02', ownerArea: 'Planeación', dueOn: '2027-03-31' }, { headers: await admin() })));
    expect(twice.map((r) => r.status)).toEqual([409, 409]);
    expect(await sql`select 1 from public.improvement_actions where source = 'diagnosis' and source_ref = 'PART-02' and title = 'Mejorar PART-02'`).toHaveLength(1);
    // A requirement that complies has nothing to improve.
    expect((await postJson(path, { code: 'PART-01', ownerArea: 'Planeación', dueOn: '2027-03-31' }, { headers: await admin() })).status).toBe(404);
    const invalid = await postJson(path, { code: 'PART-02', ownerArea: '', dueOn: '31/03/2027' }, { headers: await admin() });
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['dueOn', 'ownerArea']);

    const page = await request('/informes/diagnostico/2091');
    expect(page.text).toMatch(/<th scope="row">Mejorar PART-02<\/th>\s*<td>Planeación<\/td>/);
  });

  it('adds a requirement to drafts at once; retired, drafts drop it and published years keep it', async () => {
    const code = `PRB-${String(Date.now()).slice(-3)}`;
    const added = await postJson(
      '/api/admin/diagnosis-requirements',
      { code: code.toLowerCase(), dimension: 'digital', title: 'Requisito de prueba agregado', legalSource: 'Resolución 1519 de 2020', evidenceAsked: 'Una página', responsibleArea: 'TI' },
      { headers: await admin() },
    );
    expect(added.status, added.text).toBe(201);
    expect(added.body).toEqual({ code });
    const again = await postJson(
      '/api/admin/diagnosis-requirements',
      { code, dimension: 'digital', title: 'Otro requisito igual', legalSource: 'Ley', evidenceAsked: 'Algo', responsibleArea: 'TI' },
      { headers: await admin() },
    );
    expect(again.status).toBe(409);

    // Year 2092 assesses it and is published; then it is retired.
    expect((await start(2092)).status).toBe(201);
    expect((await save(2092, { ...fullAnswers(), [code]: { verdict: 'complies' } })).status).toBe(200);
    expect((await publish(2092)).status).toBe(200);
    const retired = await postForm(`/api/admin/diagnosis-requirements/${code}/retire`, [], { headers: await admin() });
    expect(retired.status).toBe(303);
    expect(retired.headers.get('location')).toBe('/staff/diagnostico?ok=retirado');

    const kept = await request('/api/admin/diagnosis/2092', { headers: await admin() });
    expect(kept.body.items.map((i: { code: string }) => i.code)).toContain(code);
    const draft = await request('/api/admin/diagnosis/2090', { headers: await admin() });
    expect(draft.body.items.map((i: { code: string }) => i.code)).not.toContain(code);
    expect(draft.body.overall.requirements).toBe(14);
    expect((await postJson('/api/admin/diagnosis-requirements/NO-999/retire', {}, { headers: await admin() })).status).toBe(404);
  });

  it('keeps the checklist readable by everyone and writable by no API role', async () => {
    const direct = sql.begin(async (tx) => {
      await tx`set local role authenticated`;
      await tx`insert into public.diagnosis_requirements (code, dimension_code, title, legal_source, evidence_asked, responsible_area)
               values ('XX-01', 'datos', 'Intento directo', 'Ley', 'Nada', 'Nadie')`;
    });
    await expect(direct).rejects.toThrow(/permission denied/);
    const overview = await request('/api/admin/diagnosis', { headers: await admin() });
    expect(overview.body.assessments.map((a: { year: number }) => a.year)).toEqual(expect.arrayContaining([2025, 2090, 2091, 2092]));
    expect(await sql`select action from private.audit_log where table_name = 'diagnosis_assessments' and actor_email = 'admin-diagnostico@agencia.gov.co' and row_id = '2091' order by id`).toEqual([
      { action: 'insert' },
      { action: 'update' },
    ]);
  });
});
