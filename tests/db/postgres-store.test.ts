import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore, poolModeOf, quoteLiteral } from '../../src/lib/db/postgres-store.ts';
import { ANON } from '../../src/lib/db/store.ts';
import { sql } from '../support/db.ts';
import { DATABASE_URL } from '../support/env.ts';

const editor = { kind: 'staff', token: '', claims: { sub: 'store-editor', email: 'store-editor@agencia.gov.co', app_metadata: { roles: ['communications'] } } } as const;

describe('postgres store', () => {
  // One connection: every call below runs on the connection the previous one left.
  const store = createPostgresStore(DATABASE_URL, { max: 1, poolMode: 'transaction' });
  afterAll(() => store.close());

  it('passes text with quotes, backslashes and SQL in it through unchanged', async () => {
    const title = String.raw`O'Brien \' \\ E'x' $$ ''; select 1; -- ñ 🎟️`;
    for (const conforming of ['on', 'off']) {
      const [row] = await sql.begin(async (tx) => {
        await tx.unsafe(`set local standard_conforming_strings = ${conforming}`);
        return tx.unsafe(`select ${quoteLiteral(title)} as v`);
      });
      expect(row.v).toBe(title);
    }
    const created = await store.rpc<{ ok: boolean; value: { id: string; title: string; dueOn: string } }>(
      'staff_create_improvement_action',
      { p_source: 'accountability', p_source_ref: 'almacen', p_title: title, p_owner_area: 'Comunicaciones', p_due_on: '2027-03-31' },
      editor,
    );
    expect(created).toMatchObject({ ok: true, value: { title, dueOn: '2027-03-31' } });
    const [row] = await sql`select title from public.improvement_actions where id = ${created.value.id}`;
    expect(row.title).toBe(title);
  });

  it('leaves no role or claims behind, even when the call fails', async () => {
    await expect(store.rpc('staff_record_followers', { p_network: 'facebook', p_measured_on: '2026-01-01', p_followers: 'muchos' }, editor)).rejects.toThrow(/integer/);
    // Same connection, now as anon: a staff function refuses it.
    await expect(store.rpc('staff_list_surveys', {}, ANON)).rejects.toMatchObject({ code: '42501' });
    await expect(store.rpc('get_survey', { p_slug: 'oferta-de-servicios' }, ANON)).resolves.toMatchObject({ slug: 'oferta-de-servicios' });
  });

  it('picks transaction mode from DATABASE_POOL_MODE, or from port 6543', () => {
    expect(poolModeOf('postgres://u@aws-0-sa-east-1.pooler.supabase.com:6543/postgres', undefined)).toBe('transaction');
    expect(poolModeOf('postgres://u@aws-0-sa-east-1.pooler.supabase.com:5432/postgres', undefined)).toBe('session');
    expect(poolModeOf('postgres://u@127.0.0.1:6432/postgres', 'transaction')).toBe('transaction');
    expect(() => poolModeOf('postgres://u@127.0.0.1/postgres', 'statement')).toThrow(/DATABASE_POOL_MODE/);
  });
});
