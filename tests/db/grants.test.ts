import { describe, expect, it } from 'vitest';
import { sql, store } from '../support/db.ts';

/** Runs raw SQL as a Supabase role, the way PostgREST would. */
async function asRole(role: 'anon' | 'authenticated', statement: string) {
  return sql.begin(async (tx) => {
    await tx.unsafe(`set local role ${role}`);
    return tx.unsafe(statement);
  });
}

// The catalogue-wide rules (RLS on every table, grants behind policies, pinned search_path, who executes
// what) are in least-privilege.test.ts; these are the concrete cases people ask about.
describe('row level security and grants', () => {
  it('does not let the public read responses, answers, consents or the audit log', async () => {
    for (const table of ['public.survey_responses', 'public.survey_answers', 'private.consents', 'private.audit_log', 'private.idempotency_keys']) {
      await expect(asRole('anon', `select * from ${table} limit 1`), table).rejects.toThrow(/permission denied/);
    }
  });

  it('does not let the public write the plan or surveys directly', async () => {
    await expect(asRole('anon', "update public.plan_activities set status = 'done'")).rejects.toThrow(/permission denied/);
    await expect(asRole('anon', "insert into public.surveys (slug, title, consent_version) values ('x', 'x', 'encuestas-v1')")).rejects.toThrow(/permission denied/);
  });

  it('does not let the public run staff functions', async () => {
    await expect(store.rpc('staff_set_activity_status', { p_code: '1.1', p_status: 'done' })).rejects.toThrow(/permission denied/);
    await expect(store.rpc('staff_list_audit', { p_limit: 5 })).rejects.toThrow(/permission denied/);
  });

  it('answers forbidden to a signed-in staff member without the right role', async () => {
    const claims = { sub: 'x', email: 'caja@agencia.gov.co', role: 'authenticated' as const, aud: 'authenticated' as const, app_metadata: { roles: ['box_office' as const] } };
    const result = await store.rpc('staff_set_activity_status', { p_code: '1.1', p_status: 'done' }, { kind: 'staff', claims, token: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
