import { describe, expect, it } from 'vitest';
import { createImprovementAction, listImprovementActions, updateImprovementAction } from '../../src/lib/improvement/actions.ts';
import { ANON, type Caller } from '../../src/lib/db/store.ts';
import { sql, store } from '../support/db.ts';

const staff = (roles: string[]): Caller => ({ kind: 'staff', token: '', claims: { sub: 'u-1', email: 'comunicaciones@agencia.gov.co', role: 'authenticated', app_metadata: { roles } } as never });
const COMMS = staff(['communications']);
const ref = () => `test-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

const created = async (sourceRef: string, overrides: Record<string, unknown> = {}) => {
  const result = await createImprovementAction(
    { source: 'accountability', sourceRef, title: 'Subtitular en vivo la audiencia', ownerArea: 'Comunicaciones', dueOn: '2027-03-31', ...overrides },
    COMMS,
  );
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
};

describe('improvement actions', () => {
  it('are recorded planned, move through their statuses with notes, and are published with that history', async () => {
    const sourceRef = ref();
    const action = await created(sourceRef);
    expect(action).toMatchObject({ status: 'planned', doneOn: null, overdue: false, updates: [{ status: 'planned', note: 'Acción registrada.' }] });

    const moved = await updateImprovementAction(action.id, { status: 'in_progress', note: 'Contratado el servicio de subtítulos.' }, COMMS);
    expect(moved.ok && moved.value.status).toBe('in_progress');
    const done = await updateImprovementAction(action.id, { status: 'done', note: 'La audiencia 2 tuvo subtítulos.' }, COMMS);
    expect(done.ok && done.value.doneOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const published = await listImprovementActions('accountability', sourceRef);
    expect(published).toHaveLength(1);
    expect(published[0].updates.map((u) => u.status)).toEqual(['planned', 'in_progress', 'done']);
    const [audit] = await sql`select count(*)::int as n from private.audit_log where table_name = 'improvement_actions' and row_id = ${action.id}`;
    expect(audit.n).toBe(3);
  });

  it('are flagged overdue when the due date passed and they are not done; reopening clears the done date', async () => {
    const sourceRef = ref();
    const late = await created(sourceRef, { dueOn: '2026-01-15' });
    expect(late.overdue).toBe(true);
    await updateImprovementAction(late.id, { status: 'done', note: 'Hecho.' }, COMMS);
    const reopened = await updateImprovementAction(late.id, { status: 'in_progress', note: 'Falta la segunda parte.' }, COMMS);
    expect(reopened.ok && reopened.value).toMatchObject({ doneOn: null, overdue: true });
  });

  it('refuse other roles, citizens and bad input, with the contract errors and nothing written', async () => {
    const sourceRef = ref();
    const body = { source: 'diagnosis', sourceRef, title: 'Publicar el menú Participa', ownerArea: 'TIC', dueOn: '2027-01-31' };
    expect(await createImprovementAction(body, staff(['box_office']))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await createImprovementAction(body, ANON)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The SQL gate holds even when the app's check is skipped.
    expect(await store.rpc('staff_create_improvement_action', { p_source: 'diagnosis', p_source_ref: sourceRef, p_title: 'x y z', p_owner_area: 'TIC', p_due_on: '2027-01-31' }, staff(['advisor'])))
      .toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const invalid = await createImprovementAction({ ...body, title: '', dueOn: '31/01/2027' }, COMMS);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation_failed', fields: { title: expect.any(String), dueOn: expect.any(String) } } });
    expect(await updateImprovementAction('not-a-uuid', { status: 'done', note: 'x' }, COMMS)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await updateImprovementAction(crypto.randomUUID(), { status: 'done', note: 'x' }, COMMS)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await listImprovementActions('diagnosis', sourceRef)).toEqual([]);
  });

  it('are readable but not writable by anon through the API roles', async () => {
    await expect(store.rpc('staff_update_improvement_action', { p_id: crypto.randomUUID(), p_status: 'done', p_note: 'x' })).rejects.toThrow(/permission denied/);
  });
});
