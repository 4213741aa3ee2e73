import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';

// The convention (supabase/migrations/20261207000710_personal_data_columns.sql): a column holding a citizen's
// personal data has a comment starting «Dato personal:»; staff's own data «Dato de servidor:».
const PERSONAL = 'Dato personal:';
const STAFF = 'Dato de servidor:';
// Names that always hold someone's identity: a new one must say whose it is.
const IDENTITY_NAMES = /^(full_name|email|phone|document_id)$|_email$/;

type Rule = {
  dataset: string;
  basis: 'consent' | 'legal_obligation';
  retention: string | null;
  tables: string[];
  consent_versions: string[];
  export_via: string | null;
  suppress_via: string | null;
  applied_by: string | null;
};

const columns = () => sql<{ tbl: string; col: string; note: string | null }[]>`
  select n.nspname || '.' || c.relname as tbl, a.attname as col, col_description(c.oid, a.attnum) as note
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
   where n.nspname in ('public', 'private') and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`;
const rules = () => sql<Rule[]>`select dataset, basis, retention::text, tables, consent_versions, export_via, suppress_via, applied_by from private.retention_rules`;

/** Calls a staff function as the data protection officer, in a transaction that is rolled back. */
async function asAdmin(fn: string, arg: string): Promise<Record<string, unknown>> {
  let value: Record<string, unknown> = {};
  await sql
    .begin(async (tx) => {
      await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: 'test', app_metadata: { roles: ['admin'] } })}, true)`;
      const [row] = await tx`select public.${tx(fn)}(${arg}::text) as result`;
      value = row.result.value;
      throw new Error('rollback');
    })
    .catch((error: Error) => {
      if (error.message !== 'rollback') throw error;
    });
  return value;
}

describe('every personal column is covered by the data policy', () => {
  it('names whose data each identity column holds', async () => {
    const unmarked = (await columns())
      .filter((c) => IDENTITY_NAMES.test(c.col) && !c.note?.startsWith(PERSONAL) && !c.note?.startsWith(STAFF))
      .map((c) => `${c.tbl}.${c.col}`);
    expect(unmarked, `comment these with «${PERSONAL} …» or «${STAFF} …»`).toEqual([]);
  });

  it('gives every table with personal columns a retention rule, a consent or a legal obligation, an export and a suppression or a period', async () => {
    const all = await columns();
    const personalTables = [...new Set(all.filter((c) => c.note?.startsWith(PERSONAL)).map((c) => c.tbl))].sort();
    expect(personalTables.length).toBeGreaterThanOrEqual(6);
    const allRules = await rules();
    const consentTexts = new Set((await sql`select version from public.consent_texts`).map((r) => r.version as string));
    // A table's consent: a column pointing at private.consents, or the legal basis recorded per row
    // (consent_basis), on the table itself or on the row it belongs to; for messages about other records
    // (the outbox), the consent versions its rule names.
    const consentLinked = new Set(
      (await sql`
        select distinct n.nspname || '.' || c.relname as tbl
          from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
         where k.contype = 'f' and k.confrelid = 'private.consents'::regclass`).map((r) => r.tbl as string),
    );
    for (const c of all) if (c.col === 'consent_basis') consentLinked.add(c.tbl);
    const parents = await sql<{ tbl: string; parent: string }[]>`
      select n.nspname || '.' || c.relname as tbl, pn.nspname || '.' || p.relname as parent
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
       where k.contype = 'f'`;

    for (const table of personalTables) {
      const covering = allRules.filter((r) => r.tables.includes(table));
      expect(covering.length, `${table}: no rule in private.retention_rules`).toBeGreaterThan(0);
      // Data a law obliges the agency to keep (a habeas-data request) is held without a consent, is not
      // suppressed at the holder's request, and only its period, applied by a job, ends it.
      const obliged = covering.every((r) => r.basis === 'legal_obligation');
      const linked =
        obliged ||
        consentLinked.has(table) ||
        parents.some((p) => p.tbl === table && consentLinked.has(p.parent)) ||
        covering.every((r) => r.consent_versions.length > 0);
      expect(linked, `${table}: no consent link`).toBe(true);
      for (const rule of covering) {
        expect(rule.export_via, `${rule.dataset}: no export`).not.toBeNull();
        expect(rule.retention !== null || rule.applied_by === null, `${rule.dataset}: a job without a period`).toBe(true);
        if (rule.basis === 'legal_obligation') {
          expect(rule.consent_versions, `${rule.dataset}: a legal obligation names no consent`).toEqual([]);
          expect(rule.suppress_via, `${rule.dataset}: kept by law, not suppressed on request`).toBeNull();
          expect(rule.applied_by, `${rule.dataset}: kept by law until its period ends`).not.toBeNull();
        } else {
          expect(rule.suppress_via, `${rule.dataset}: no suppression`).not.toBeNull();
        }
      }
    }
    const holder = `nadie-${Date.now()}@example.co`;
    for (const rule of allRules) {
      for (const version of rule.consent_versions) expect(consentTexts.has(version), `${rule.dataset}: consent ${version}`).toBe(true);
      for (const via of [rule.export_via, rule.suppress_via]) {
        if (!via) continue;
        const [fn, key] = via.split(':');
        const [found] = await sql`select count(*)::int as n from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname = ${fn}`;
        expect(found.n, `${rule.dataset}: ${fn} does not exist`).toBeGreaterThan(0);
        if (key) expect(Object.keys(await asAdmin(fn, holder)), `${rule.dataset}: ${fn} has no ${key}`).toContain(key);
      }
    }
  });

  it('applies every timed rule from a scheduled function that exists', async () => {
    const [job] = await sql`select pg_get_functiondef('public.apply_personal_data_retention()'::regprocedure) as source`;
    for (const rule of await rules()) {
      if (!rule.applied_by) continue;
      const file = new URL(`../../functions/${rule.applied_by}.ts`, import.meta.url);
      expect(existsSync(file), `${rule.dataset}: functions/${rule.applied_by}.ts`).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/schedule:/);
      if (rule.applied_by === 'personal-data-retention') expect(job.source).toContain(`'${rule.dataset}'`);
    }
  });
});
