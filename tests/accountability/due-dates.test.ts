import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { asStaff, createHearing, question } from './fixture.ts';
import { postJson, request } from '../support/http.ts';

const dueOn = async (receivedAt: string) => (await sql`select private.question_due_on(${receivedAt}::timestamptz)::text as d`)[0].d;

// Colombian holidays of late 2026: 16 November, 8 December (Inmaculada Concepción), 25 December (Navidad), 1 January 2027.
describe('the legal term of a written answer: 15 Colombian working days', () => {
  it('counts from the day after receipt, skipping weekends and a Monday holiday', async () => {
    // Tue 3 Nov → Wed 4 … Fri 13 (8), Mon 16 is Independencia de Cartagena, Tue 17 … Wed 25 (15).
    expect(await dueOn('2026-11-03T10:00:00-05:00')).toBe('2026-11-25');
  });

  it('skips a holiday inside the term (8 December)', async () => {
    // Fri 27 Nov → Mon 30 Nov … Mon 7 Dec (6), Wed 9 Dec (7) … Mon 21 Dec (15): 8 December does not count.
    expect(await dueOn('2026-11-27T09:00:00-05:00')).toBe('2026-12-21');
  });

  it('skips Christmas and New Year inside the term', async () => {
    expect(await dueOn('2026-12-11T09:00:00-05:00')).toBe('2027-01-05');
  });

  it('takes the Bogotá calendar day of receipt: 23:30 in Colombia is already the next day in UTC', async () => {
    // Monday 7 December 23:30 Bogotá = Tuesday 8 December 04:30 UTC; the term starts after the 7th.
    expect(await dueOn('2026-12-07T23:30:00-05:00')).toBe(await dueOn('2026-12-07T08:00:00-05:00'));
    expect(await dueOn('2026-12-07T23:30:00-05:00')).toBe('2026-12-30');
  });

  it('flags unanswered questions past their due date as overdue, on the page and in the report counts', async () => {
    const hearing = await createHearing({ year: 2035 });
    const sent = await postJson(`/api/hearings/${hearing.slug}/questions`, question());
    expect(sent.status).toBe(201);
    // A question received a month ago (as if the hearing had taken it then).
    await sql`update public.hearing_questions set received_at = now() - interval '40 days', due_on = private.question_due_on(now() - interval '40 days') where id = ${sent.body.id}`;
    const page = await request(`/rendicion-de-cuentas/audiencias/${hearing.slug}`);
    expect(page.text).toContain('Vencida');
    const report = await sql`select public.get_accountability_report(2035) -> 'totals' as totals`;
    expect(report[0].totals).toMatchObject({ questionsReceived: 1, questionsAnswered: 0, questionsOverdue: 1 });
    // Answered late: settled, but not on time.
    const answered = await asStaff('staff_answer_question', { p_id: sent.body.id, p_mode: 'written', p_answer: 'Respuesta tardía de prueba.', p_recording_at: null });
    expect(answered).toMatchObject({ ok: true, value: { onTime: false, overdue: false } });
    const after = await sql`select public.get_accountability_report(2035) -> 'totals' as totals`;
    expect(after[0].totals).toMatchObject({ questionsAnswered: 1, answeredOnTime: 0, questionsOverdue: 0 });
  });
});
