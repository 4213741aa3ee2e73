import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../src/lib/auth/claims.ts';
import { sql } from '../support/db.ts';

// Least privilege, read from pg_catalog on the migrated database and then tried for real: every table
// and function of ours is listed by the catalogue, so a new one is checked without anyone adding it here.

// Schemas that are not ours to secure: PostgreSQL's own (pg_*, information_schema) and what Supabase
// provides and manages. auth is GoTrue's on Supabase and, locally, src/lib/db/bootstrap.sql's stub of
// its three claim readers; supabase_migrations is the CLI's history, which no API role can reach (tested
// below); the rest exist only on a Supabase project.
const NOT_OURS = [
  'information_schema',
  'auth',
  'supabase_migrations',
  'storage',
  'extensions',
  'graphql',
  'graphql_public',
  'realtime',
  '_realtime',
  'vault',
  'pgbouncer',
  'net',
  'cron',
  'pgsodium',
  'pgsodium_masks',
  'supabase_functions',
  '_analytics',
  'pgtle',
];

// The functions anyone may call with the public key: the citizen-facing endpoints, staff sign-in (the
// caller is not signed in yet) and the waiting-list sweep (it only applies what the clock decided). One
// entry per function, so an overload granted to anon fails too. Changing this list is a security review.
const ANON_ENDPOINTS = [
  'book_advisory_slot',
  'cancel_advisory_booking',
  'cancel_registration',
  'claim_waitlist_offer',
  'collect_page_view',
  'confirm_personal_data_request',
  'confirm_subscription',
  'expire_waitlist_offers',
  'get_accountability_report',
  'get_accountability_schedule',
  'get_advisory_booking',
  'get_advisory_figures',
  'get_advisory_notice',
  'get_advisory_slot',
  'get_diagnosis_report',
  'get_event',
  'get_hearing',
  'get_invitation',
  'get_open_data',
  'get_paper_policy',
  'get_participa_menu',
  'get_personal_data_policy',
  'get_plan',
  'get_plan_year',
  'get_subscription_notice',
  'get_survey',
  'get_survey_results',
  'get_telephone_report',
  'get_ticket',
  'get_ticket_figures',
  'get_waitlist_offer',
  'health',
  'join_waitlist',
  'list_advisory_slots',
  'list_advisory_topics',
  'list_events',
  'list_improvement_actions',
  'list_incidence',
  'list_invitations',
  'list_plan_versions',
  'list_plan_years',
  'list_published_diagnoses',
  'list_published_results',
  'list_social_followers',
  'list_surveys',
  'list_training_sessions',
  'open_personal_data_request',
  'register_for_event',
  'request_personal_data',
  'reschedule_advisory_booking',
  'site_visits_report',
  'social_monitoring_report',
  'staff_sign_in_issue',
  'staff_sign_in_throttle',
  'staff_sign_in_verify',
  'submit_hearing_question',
  'submit_survey_response',
  'subscribe_to_invitations',
  'unsubscribe_from_invitations',
]
  .map((name) => `public.${name}`)
  .sort();

// Staff functions that scope their answer to the caller instead of refusing: an advisor sees only their
// own agenda, so a signed-in person with no staff role sees nothing rather than a refusal.
const SCOPED_TO_CALLER: Record<string, object> = {
  'public.staff_list_advisors': { ok: true, value: [] },
  'public.staff_get_advisory_booking': { ok: false, error: { code: 'not_found' } },
};

type ApiRole = 'anon' | 'authenticated';
type Principal = { label: string; role: ApiRole; claims: object };
const staffClaims = (roles: string[]) => ({
  sub: `least-privilege-${roles.join('-') || 'none'}`,
  email: 'privilegio@agencia.gov.co',
  role: 'authenticated',
  aud: 'authenticated',
  app_metadata: { roles },
});
const PRINCIPALS: Principal[] = [
  { label: 'anon', role: 'anon', claims: { role: 'anon' } },
  ...STAFF_ROLES.map((r) => ({ label: `staff ${r}`, role: 'authenticated' as const, claims: staffClaims([r]) })),
];

const OPERATIONS = ['select', 'insert', 'update', 'delete'] as const;
type Operation = (typeof OPERATIONS)[number];
// The privileges that pass RLS by: TRUNCATE empties a table whatever its policies say.
const NEVER_TO_THE_API = ['truncate', 'references', 'trigger'] as const;

const schemas: string[] = (
  await sql`select nspname from pg_namespace where nspname <> all(${NOT_OURS}) and nspname !~ '^pg_' order by 1`
).map((r) => r.nspname);

type Relation = { oid: string; name: string; kind: string; rls: boolean; options: string[] | null; column: string };
const relations = (await sql`
  select c.oid::text as oid, format('%I.%I', n.nspname, c.relname) as name, c.relkind as kind, c.relrowsecurity as rls,
         c.reloptions as options,
         (select quote_ident(a.attname) from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum limit 1) as column
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any(${schemas}) and c.relkind in ('r', 'p', 'v', 'm', 'f')
  order by 2`) as unknown as Relation[];

type Fn = {
  name: string;
  signature: string;
  definer: boolean;
  config: string[] | null;
  argTypes: string[];
  publicExecute: boolean;
  anon: boolean;
  authenticated: boolean;
};
const functions = (await sql`
  select format('%I.%I', n.nspname, p.proname) as name,
         format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as signature,
         p.prosecdef as definer, p.proconfig as config,
         array(select format_type(t, null) from unnest(p.proargtypes::oid[]) with ordinality as a(t, i) order by i) as "argTypes",
         exists (select from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                 where a.grantee = 0 and a.privilege_type = 'EXECUTE') as "publicExecute",
         has_schema_privilege('anon', n.oid, 'usage') and has_function_privilege('anon', p.oid, 'execute') as anon,
         has_schema_privilege('authenticated', n.oid, 'usage') and has_function_privilege('authenticated', p.oid, 'execute') as authenticated
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = any(${schemas})
  order by 3`) as unknown as Fn[];

/** A call with a typed null for every argument, so overloads never make it ambiguous. */
const call = (f: Fn) => `${f.name}(${f.argTypes.map((t) => `null::${t}`).join(', ')})`;

/** What the catalogue lets an API role do with a relation: schema usage and the privilege both. */
async function catalogueSays(relation: Relation, role: ApiRole) {
  const [row] = await sql`
    select has_schema_privilege(${role}, c.relnamespace, 'usage') as usage,
           has_any_column_privilege(${role}, c.oid, 'select') as select,
           has_any_column_privilege(${role}, c.oid, 'insert') as insert,
           has_any_column_privilege(${role}, c.oid, 'update') as update,
           has_table_privilege(${role}, c.oid, 'delete') as delete,
           has_table_privilege(${role}, c.oid, 'truncate') as truncate,
           has_any_column_privilege(${role}, c.oid, 'references') as references,
           has_table_privilege(${role}, c.oid, 'trigger') as trigger,
           array(select distinct case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update'
                                               when 'd' then 'delete' else 'all' end
                 from pg_policy p
                 where p.polrelid = c.oid and p.polpermissive
                   and (0::oid = any(p.polroles) or exists (select from unnest(p.polroles) r where r <> 0 and pg_has_role(${role}, r, 'member')))
           ) as policies
    from pg_class c where c.oid = ${relation.oid}::oid`;
  return row as Record<Operation | (typeof NEVER_TO_THE_API)[number] | 'usage', boolean> & { policies: string[] };
}

type Outcome = 'ok' | 'permission denied' | 'refused by row level security' | string;
const ROLLBACK = new Error('rolled back on purpose');

/** Runs a statement as the principal in a savepoint that is always rolled back; says how it went. */
async function attempt(tx: postgres.TransactionSql, who: Principal, statement: string): Promise<{ outcome: Outcome; rows: postgres.Row[] }> {
  let rows: postgres.Row[] = [];
  try {
    await tx.savepoint(async (sp) => {
      await sp.unsafe("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [who.role, JSON.stringify(who.claims)]);
      rows = await sp.unsafe(statement);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error === ROLLBACK) return { outcome: 'ok', rows };
    const { code, message } = error as { code?: string; message: string };
    if (code === '42501' && /row-level security/.test(message)) return { outcome: 'refused by row level security', rows };
    if (code === '42501') return { outcome: 'permission denied', rows };
    return { outcome: `${code}: ${message}`, rows };
  }
  throw new Error('unreachable: the savepoint is always rolled back');
}

const statementFor = (relation: Relation, operation: Operation) =>
  ({
    select: `select count(*) from ${relation.name}`,
    insert: `insert into ${relation.name} default values`,
    // `where false`: the privilege check is the same, and no row of a shared table gets locked.
    update: `update ${relation.name} set ${relation.column} = ${relation.column} where false`,
    delete: `delete from ${relation.name} where false`,
  })[operation];

/** Rolled back whatever happens, so nothing a check created outlives it. */
async function rolledBack<T>(fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await sql
    .begin(async (tx) => {
      result = await fn(tx);
      throw ROLLBACK;
    })
    .catch((error) => {
      if (error !== ROLLBACK) throw error;
    });
  return result as T;
}

describe('least privilege: the application schemas', () => {
  it('finds our schemas and their tables (public and private at least)', () => {
    expect(schemas).toEqual(expect.arrayContaining(['public', 'private']));
    expect(relations.length).toBeGreaterThan(50);
  });

  it('lets the API roles into public only (to use, not to create), and into none of the Supabase history', async () => {
    const rows = await sql`
      select n.nspname as schema, r.role
      from pg_namespace n, unnest(array['anon', 'authenticated']) as r(role)
      where (n.nspname = any(${schemas}) or n.nspname = 'supabase_migrations') and has_schema_privilege(r.role, n.oid, 'usage')
      order by 1, 2`;
    expect(rows.map((r) => `${r.role} → ${r.schema}`)).toEqual(['anon → public', 'authenticated → public']);
    const creators = await sql`
      select format('%s may create in %s', r.role, n.nspname) as grant
      from pg_namespace n, unnest(array['anon', 'authenticated']) as r(role)
      where n.nspname = any(${schemas}) and has_schema_privilege(r.role, n.oid, 'create')`;
    expect(creators.map((r) => r.grant)).toEqual([]);
  });
});

describe('least privilege: every table, as anon and as each staff role', () => {
  for (const relation of relations) {
    it(`${relation.name}: RLS on, grants only behind policies, no direct writes, and the database agrees`, async () => {
      const problems: string[] = [];
      if ((relation.kind === 'r' || relation.kind === 'p') && !relation.rls) problems.push('row level security is off');

      const [{ publicGrants }] = await sql`
        select coalesce(array_agg(a.privilege_type::text order by a.privilege_type), '{}') as "publicGrants"
        from pg_class c, aclexplode(c.relacl) a where c.oid = ${relation.oid}::oid and a.grantee = 0`;
      if (publicGrants.length > 0) problems.push(`PUBLIC holds ${publicGrants.join(', ')}`);

      const says = { anon: await catalogueSays(relation, 'anon'), authenticated: await catalogueSays(relation, 'authenticated') };
      for (const role of ['anon', 'authenticated'] as const) {
        const may = says[role];
        for (const privilege of [...NEVER_TO_THE_API, 'insert', 'update', 'delete'] as const) {
          // Every write goes through a security definer function that checks who is asking.
          if (may[privilege]) problems.push(`${role} holds ${privilege.toUpperCase()}: the API roles never write a table directly`);
        }
        const hasPolicies = relation.kind === 'r' || relation.kind === 'p';
        if (may.select && hasPolicies && !may.policies.some((p) => p === 'select' || p === 'all')) {
          problems.push(`${role} holds SELECT but no policy says which rows it may read`);
        }
        if (may.select && relation.kind === 'v' && !(relation.options ?? []).some((o) => /^security_invoker=(true|on|1)$/.test(o))) {
          problems.push(`${role} may read a view that runs with its owner's rights (security_invoker is off), past RLS`);
        }
        if (may.select && (relation.kind === 'm' || relation.kind === 'f')) problems.push(`${role} may read a materialized view or foreign table, which has no RLS`);
      }

      await sql.begin(async (tx) => {
        for (const who of PRINCIPALS) {
          const may = says[who.role];
          for (const operation of OPERATIONS) {
            const { outcome } = await attempt(tx, who, statementFor(relation, operation));
            const allowed = may.usage && may[operation];
            if (!allowed && outcome !== 'permission denied') problems.push(`${who.label} ${operation}: expected permission denied, got ${outcome}`);
            if (allowed && operation === 'select' && outcome !== 'ok') problems.push(`${who.label} select: granted, but got ${outcome}`);
            if (allowed && operation !== 'select' && outcome === 'permission denied') problems.push(`${who.label} ${operation}: granted, but denied`);
          }
        }
      });

      expect(problems, relation.name).toEqual([]);
    });
  }
});

describe('least privilege: every sequence', () => {
  it('gives the API roles and PUBLIC nothing on any sequence: ids are drawn by the functions that insert', async () => {
    const rows = await sql`
      select format('%s holds %s on %I.%I', coalesce(nullif(a.grantee::regrole::text, '-'), 'PUBLIC'), a.privilege_type, n.nspname, c.relname) as grant
      from pg_class c join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a
      where c.relkind = 'S' and n.nspname = any(${schemas}) and a.grantee in (0, 'anon'::regrole, 'authenticated'::regrole)
      order by 1`;
    expect(rows.map((r) => r.grant)).toEqual([]);
  });
});

describe('least privilege: every function', () => {
  it('pins search_path to empty in every security definer function', () => {
    const loose = functions.filter((f) => f.definer && !(f.config ?? []).some((c) => c === 'search_path=""' || c === 'search_path='));
    expect(loose.map((f) => f.signature)).toEqual([]);
  });

  it('lets PUBLIC execute none of our functions', () => {
    expect(functions.filter((f) => f.publicExecute).map((f) => f.signature)).toEqual([]);
  });

  it('lets anon execute exactly the public endpoints, and no private function', () => {
    expect(functions.filter((f) => f.anon).map((f) => f.name).sort()).toEqual(ANON_ENDPOINTS);
  });

  it('lets authenticated execute no private function', () => {
    expect(functions.filter((f) => f.authenticated && !f.name.startsWith('public.')).map((f) => f.signature)).toEqual([]);
  });

  it('refuses, with permission denied, anon every function off its list and an admin every private one', async () => {
    const anon = PRINCIPALS[0];
    const admin = PRINCIPALS.find((p) => p.label === 'staff admin')!;
    const tries = [
      ...functions.filter((f) => !f.anon).map((f) => ({ who: anon, f })),
      ...functions.filter((f) => !f.authenticated).map((f) => ({ who: admin, f })),
    ];
    expect(tries.length).toBeGreaterThan(functions.length);
    const letThrough = await rolledBack(async (tx) => {
      const found: string[] = [];
      for (const { who, f } of tries) {
        // Refused before the body runs, so the nulls are never read.
        const { outcome } = await attempt(tx, who, `select ${call(f)}`);
        if (outcome !== 'permission denied') found.push(`${who.label} → ${f.signature}: ${outcome}`);
      }
      return found;
    });
    expect(letThrough).toEqual([]);
  });

  it('answers a signed-in person with no staff role with forbidden from every function only staff may call', async () => {
    const staffOnly = functions.filter((f) => f.authenticated && !f.anon);
    expect(staffOnly.length).toBeGreaterThan(50);
    const nobody: Principal = { label: 'no staff role', role: 'authenticated', claims: staffClaims([]) };
    const wrong = await rolledBack(async (tx) => {
      const found: string[] = [];
      for (const f of staffOnly) {
        const { outcome, rows } = await attempt(tx, nobody, `select to_jsonb(${call(f)}) as result`);
        const expected = SCOPED_TO_CALLER[f.name] ?? { ok: false, error: { code: 'forbidden' } };
        const result = rows[0]?.result;
        if (outcome !== 'ok' || !matches(result, expected)) found.push(`${f.signature}: ${outcome === 'ok' ? JSON.stringify(result) : outcome}`);
      }
      return found;
    });
    expect(wrong).toEqual([]);
  });
});

/** Whether every key of `expected` is in `actual` with the same value, recursively (arrays exactly). */
function matches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return JSON.stringify(actual) === JSON.stringify(expected);
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
  }
  return actual === expected;
}

describe('least privilege: what the next migration creates', () => {
  it('is closed until its migration grants it: no PUBLIC execute, nothing for the API roles', async () => {
    const opened = await rolledBack(async (tx) => {
      await tx.unsafe('create table public.least_privilege_probe (id bigint generated by default as identity primary key)');
      await tx.unsafe("create function public.least_privilege_probe() returns integer language sql as 'select 1'");
      await tx.unsafe("create function private.least_privilege_probe() returns integer language sql as 'select 1'");
      return tx`
        select format('%s on %s', r.role, o.name) as grant
        from unnest(array['anon', 'authenticated']) as r(role),
             (values ('public.least_privilege_probe', 'table'), ('public.least_privilege_probe_id_seq', 'sequence')) as o(name, kind)
        where case o.kind when 'table' then has_table_privilege(r.role, o.name, 'select, insert, update, delete, truncate, references, trigger')
                          else has_sequence_privilege(r.role, o.name, 'usage, select, update') end
        union all
        select format('%s executes %s.%s()', coalesce(nullif(a.grantee::regrole::text, '-'), 'PUBLIC'), p.pronamespace::regnamespace, p.proname)
        from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
        where p.proname = 'least_privilege_probe' and a.grantee in (0, 'anon'::regrole, 'authenticated'::regrole)`;
    });
    expect(opened.map((r) => r.grant)).toEqual([]);
  });
});
