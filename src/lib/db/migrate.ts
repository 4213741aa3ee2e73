import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import postgres from 'postgres';
import { callStatement, poolModeOf } from './postgres-store.ts';
import { lineAt, splitStatements, type SqlStatement } from './sql-statements.ts';
import type { SqlCall } from './store.ts';

export type MigrationReport = { applied: string[]; seeded: boolean };
export type MigrationOptions = {
  seed: boolean;
  /** Defaults to `supabase/migrations`; tests point it elsewhere. */
  migrationsDir?: string;
  /** Defaults to `supabase/seed.sql`. */
  seedFile?: string;
  /**
   * Runs after the migrations and before the seed, in the migrating session: data the seed reads that SQL
   * alone cannot hold (the holiday calendar of a library). Storage knows no capability; the caller brings it.
   */
  beforeSeed?: (call: SqlCall) => Promise<unknown>;
};

/** A migration or seed that could not be applied; the message is the one line `npm start` prints. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

const root = new URL('../../../', import.meta.url).pathname;
const BOOTSTRAP_FILE = join(root, 'src', 'lib', 'db', 'bootstrap.sql');
const LOCK_KEY = 727274;

// The Supabase CLI's history, created exactly as the CLI 2.x does (supabase/cli pkg/migration/history.go),
// so `supabase db push` and this runner read each other's rows: version = the file name's numeric prefix,
// name = the rest without `.sql`, statements = the file split as the CLI splits it.
const HISTORY_TABLES = [
  'create schema if not exists supabase_migrations',
  'create table if not exists supabase_migrations.schema_migrations (version text not null primary key)',
  'alter table supabase_migrations.schema_migrations add column if not exists statements text[]',
  'alter table supabase_migrations.schema_migrations add column if not exists name text',
  'create table if not exists supabase_migrations.seed_files (path text not null primary key, hash text not null)',
];

type SqlFile = { path: string; label: string; sql: string; statements: SqlStatement[] };
type Migration = SqlFile & { version: string; name: string };

const MIGRATION_NAME = /^([0-9]+)_(.*)\.sql$/;

async function readSqlFile(path: string): Promise<SqlFile> {
  const sql = await readFile(path, 'utf8');
  const inProject = relative(root, path);
  return { path, label: inProject.startsWith('..') ? path : inProject, sql, statements: splitStatements(sql) };
}

async function migrationFiles(dir: string): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => MIGRATION_NAME.test(n)).sort();
  return Promise.all(
    names.map(async (file) => {
      const [, version, name] = MIGRATION_NAME.exec(file)!;
      return { ...(await readSqlFile(join(dir, file))), version, name };
    }),
  );
}

/** Where in the file a statement failed: the error's position when Postgres gives one, else the statement's first code line. */
function failureLine(file: SqlFile, statement: SqlStatement, error: unknown): string {
  const position = Number((error as { position?: string }).position);
  const code = statement.text.split('\n').find((l) => l.trim() && !l.trimStart().startsWith('--')) ?? statement.text;
  const codeOffset = statement.offset + statement.text.indexOf(code);
  const offset = position > 0 ? statement.offset + Array.from(statement.text).slice(0, position - 1).join('').length : codeOffset;
  const excerpt = code.trim().length > 80 ? `${code.trim().slice(0, 79)}…` : code.trim();
  const reason = error instanceof Error ? error.message : String(error);
  return `No se pudo aplicar ${file.label}, línea ${lineAt(file.sql, offset)} («${excerpt}»): ${reason}`;
}

/**
 * Runs a file statement by statement inside one transaction, so a failure names its statement and leaves
 * nothing of the file behind; `record` writes the history row in the same transaction.
 */
async function applyFile(db: postgres.ReservedSql, file: SqlFile, record: () => Promise<unknown>): Promise<void> {
  // Like the CLI: no setting left by the previous file (a `set search_path`, say) leaks into this one.
  await db.unsafe('reset all');
  await db.unsafe('begin');
  try {
    for (const statement of file.statements) {
      try {
        await db.unsafe(statement.text).simple();
      } catch (error) {
        throw new MigrationError(failureLine(file, statement, error));
      }
    }
    await record();
    await db.unsafe('commit');
  } catch (error) {
    await db.unsafe('rollback');
    throw error;
  }
}

async function refuseOldRunnerDatabase(db: postgres.ReservedSql): Promise<void> {
  const [{ old }] = await db.unsafe("select to_regclass('participa_meta.migrations') is not null as old");
  if (old) {
    throw new MigrationError(
      'Esta base de datos la migró una versión anterior de Participa (participa_meta.migrations) y su historial ya no coincide con los archivos de supabase/migrations: bórrela (con la base embebida, borre la carpeta .data/pglite) y vuelva a iniciar; las migraciones y los datos de demostración se aplican de nuevo.',
    );
  }
}

/** A `public.<fn>` call in the migrating session (as its owner, so no role or claims to set). */
function sessionCall(db: postgres.ReservedSql): SqlCall {
  return async (fn, args) => {
    const names = Object.keys(args);
    const [row] = await db.unsafe(callStatement(fn, names), names.map((name) => args[name]) as never[]);
    return row?.result;
  };
}

/**
 * Where migrations run: they need a session of their own (the advisory lock, each file's transaction
 * statement by statement), which a transaction pooler does not keep, so `DATABASE_DIRECT_URL` when given.
 */
export function migrationUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.DATABASE_DIRECT_URL) return env.DATABASE_DIRECT_URL;
  if (!env.DATABASE_URL) throw new Error('No database configured: set DATABASE_URL.');
  if (poolModeOf(env.DATABASE_URL, env.DATABASE_POOL_MODE) === 'transaction') {
    throw new MigrationError(
      'DATABASE_URL apunta a un pooler en modo transacción, donde las migraciones no pueden correr: defina también DATABASE_DIRECT_URL con la conexión directa (o el pooler de sesión, puerto 5432).',
    );
  }
  return env.DATABASE_URL;
}

/**
 * Applies what Supabase would provide (roles, auth schema), then every migration missing from the Supabase
 * CLI's history, each in its own transaction, and the demo seed once. Used for the local adapters only;
 * on Supabase the CLI applies the same files and writes the same history.
 */
export async function migrate(databaseUrl: string, options: MigrationOptions): Promise<MigrationReport> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = await sql.reserve();
  try {
    // Two processes starting on the same database wait for each other instead of applying twice.
    await db.unsafe(`select pg_advisory_lock(${LOCK_KEY})`);
    await db.unsafe(await readFile(BOOTSTRAP_FILE, 'utf8')).simple();
    await refuseOldRunnerDatabase(db);
    for (const statement of HISTORY_TABLES) await db.unsafe(statement);

    const done = new Set((await db.unsafe('select version from supabase_migrations.schema_migrations')).map((r) => r.version as string));
    const applied: string[] = [];
    for (const m of await migrationFiles(options.migrationsDir ?? join(root, 'supabase', 'migrations'))) {
      if (done.has(m.version)) continue;
      await applyFile(db, m, () =>
        db.unsafe('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [
          m.version,
          m.name,
          m.statements.map((s) => s.text),
        ]),
      );
      applied.push(`${m.version}_${m.name}.sql`);
    }

    await options.beforeSeed?.(sessionCall(db));

    let seeded = false;
    if (options.seed) {
      // Seeded once, as the CLI does: a seed file already recorded is not run again, even if it changed.
      const seed = await readSqlFile(options.seedFile ?? join(root, 'supabase', 'seed.sql'));
      const [recorded] = await db.unsafe('select 1 from supabase_migrations.seed_files where path = $1', [seed.label]);
      if (!recorded) {
        const hash = createHash('sha256').update(seed.sql).digest('hex');
        await applyFile(db, seed, () => db.unsafe('insert into supabase_migrations.seed_files (path, hash) values ($1, $2)', [seed.label, hash]));
        seeded = true;
      }
    }
    return { applied, seeded };
  } finally {
    await db.unsafe(`select pg_advisory_unlock(${LOCK_KEY})`).catch(() => {});
    db.release();
    await sql.end({ timeout: 5 });
  }
}
