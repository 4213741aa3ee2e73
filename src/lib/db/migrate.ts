import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import postgres from 'postgres';

export type MigrationReport = { applied: string[]; seeded: boolean };

const root = new URL('../../../', import.meta.url).pathname;
const MIGRATIONS_DIR = join(root, 'supabase', 'migrations');
const SEED_FILE = join(root, 'supabase', 'seed.sql');
const BOOTSTRAP_FILE = join(root, 'src', 'lib', 'db', 'bootstrap.sql');

const META = `
create schema if not exists participa_meta;
create table if not exists participa_meta.migrations (
  version    text primary key,
  name       text not null,
  applied_at timestamptz not null default now()
);
create table if not exists participa_meta.seeds (
  name       text primary key,
  applied_at timestamptz not null default now()
);
revoke all on schema participa_meta from public;
`;

async function migrationFiles(): Promise<{ version: string; name: string; file: string }[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((n) => n.endsWith('.sql')).sort();
  return names.map((name) => ({ version: name.split('_')[0], name, file: join(MIGRATIONS_DIR, name) }));
}

/**
 * Applies what Supabase would provide (roles, auth schema), then every pending migration in order, each in
 * its own transaction, and the demo seed once. Used for the local adapters only; Supabase runs its own CLI.
 */
export async function migrate(databaseUrl: string, options: { seed: boolean }): Promise<MigrationReport> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin(async (tx) => {
      // Two processes starting on the same database wait for each other instead of applying twice.
      await tx.unsafe('select pg_advisory_xact_lock(727274)');
      await tx.unsafe(await readFile(BOOTSTRAP_FILE, 'utf8')).simple();
      await tx.unsafe(META).simple();
      const done = new Set((await tx.unsafe('select version from participa_meta.migrations')).map((r) => r.version));
      const applied: string[] = [];
      for (const m of await migrationFiles()) {
        if (done.has(m.version)) continue;
        await tx.unsafe(await readFile(m.file, 'utf8')).simple();
        await tx.unsafe('insert into participa_meta.migrations (version, name) values ($1, $2)', [m.version, m.name]);
        applied.push(m.name);
      }
      let seeded = false;
      if (options.seed) {
        const rows = await tx.unsafe("insert into participa_meta.seeds (name) values ('seed.sql') on conflict do nothing returning name");
        if (rows.length > 0) {
          await tx.unsafe(await readFile(SEED_FILE, 'utf8')).simple();
          seeded = true;
        }
      }
      return { applied, seeded };
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
