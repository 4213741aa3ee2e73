import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/lib/db/migrate.ts';
import { splitStatements } from '../../src/lib/db/sql-statements.ts';
import { startServedBuild } from '../../scripts/served-build.ts';
import { sql } from '../support/db.ts';
import { DATABASE_URL } from '../support/env.ts';

const root = new URL('../../', import.meta.url).pathname;
const migrationsDir = join(root, 'supabase', 'migrations');
const files = readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort();
const versionOf = (file: string) => file.split('_')[0];
const nameOf = (file: string) => file.slice(file.indexOf('_') + 1, -'.sql'.length);

// What `supabase db push` (CLI 2.x, supabase/cli pkg/migration/history.go) runs before applying, and the
// row it writes after each file: a database migrated by the CLI looks exactly like this.
const CLI_HISTORY = [
  'CREATE SCHEMA IF NOT EXISTS supabase_migrations',
  'CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)',
  'ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[]',
  'ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text',
];
const CLI_INSERT = 'INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES($1, $2, $3)';
const CLI_SEED_TABLE = 'CREATE TABLE IF NOT EXISTS supabase_migrations.seed_files (path text NOT NULL PRIMARY KEY, hash text NOT NULL)';
const CLI_SEED_UPSERT = 'INSERT INTO supabase_migrations.seed_files(path, hash) VALUES($1, $2) ON CONFLICT (path) DO UPDATE SET hash = EXCLUDED.hash';

/** A database of its own per test, so the shared one (already migrated) is not disturbed. */
const cleanups: (() => Promise<unknown>)[] = [];
async function emptyDatabase(): Promise<{ url: string; db: postgres.Sql }> {
  const name = `participa_history_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
  await sql.unsafe(`create database ${name}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  cleanups.push(async () => {
    await db.end({ timeout: 5 });
    await sql.unsafe(`drop database ${name} with (force)`);
  });
  return { url: url.toString(), db };
}
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** `supabase db push` of the first `count` files, psql-style, on a database with what Supabase provides. */
async function pushWithCli(db: postgres.Sql, count: number) {
  await db.unsafe(readFileSync(join(root, 'src', 'lib', 'db', 'bootstrap.sql'), 'utf8')).simple();
  for (const statement of CLI_HISTORY) await db.unsafe(statement);
  for (const file of files.slice(0, count)) {
    const text = readFileSync(join(migrationsDir, file), 'utf8');
    await db.begin(async (tx) => {
      await tx.unsafe(text).simple();
      await tx.unsafe(CLI_INSERT, [versionOf(file), nameOf(file), splitStatements(text).map((s) => s.text)]);
    });
  }
}

/** `supabase db push --include-seed` after the migrations: the seed runs and is recorded by its path from the project root. */
async function seedWithCli(db: postgres.Sql) {
  const text = readFileSync(join(root, 'supabase', 'seed.sql'));
  await db.unsafe(CLI_SEED_TABLE);
  await db.begin(async (tx) => {
    await tx.unsafe(text.toString('utf8')).simple();
    await tx.unsafe(CLI_SEED_UPSERT, ['supabase/seed.sql', createHash('sha256').update(text).digest('hex')]);
  });
}

const history = (db: postgres.Sql) => db`select version, name, statements from supabase_migrations.schema_migrations order by version`;

describe('one migration history, shared with the Supabase CLI', () => {
  it('records every file in the CLI table, in the CLI shape, and the seed once', async () => {
    const { url, db } = await emptyDatabase();
    const report = await migrate(url, { seed: true });
    expect(report).toEqual({ applied: files, seeded: true });

    const rows = await history(db);
    expect(rows.map((r) => [r.version, r.name])).toEqual(files.map((f) => [versionOf(f), nameOf(f)]));
    for (const row of rows) expect(row.statements.length, row.name).toBeGreaterThan(0);
    const columns = await db`
      select column_name, data_type, is_nullable from information_schema.columns
      where table_schema = 'supabase_migrations' and table_name = 'schema_migrations' order by ordinal_position`;
    expect(columns.map((c) => `${c.column_name} ${c.data_type} ${c.is_nullable}`)).toEqual(['version text NO', 'statements ARRAY YES', 'name text YES']);

    const seedHash = createHash('sha256').update(readFileSync(join(root, 'supabase', 'seed.sql'))).digest('hex');
    expect(await db`select path, hash from supabase_migrations.seed_files`).toEqual([{ path: 'supabase/seed.sql', hash: seedHash }]);
    expect(await migrate(url, { seed: true })).toEqual({ applied: [], seeded: false });
  }, 120_000);

  it('applies and seeds nothing on a database the CLI migrated and seeded, and the app starts on it', async () => {
    const { url, db } = await emptyDatabase();
    await pushWithCli(db, files.length);
    await seedWithCli(db);
    expect(await migrate(url, { seed: true })).toEqual({ applied: [], seeded: false });

    const served = await startServedBuild(url);
    try {
      expect((await fetch(`${served.url}/api/health`)).status).toBe(200);
    } finally {
      served.stop();
    }
    expect((await history(db)).map((r) => r.version)).toEqual(files.map(versionOf));
  }, 120_000);

  it('applies only what the CLI has not', async () => {
    const { url, db } = await emptyDatabase();
    const pushed = Math.floor(files.length / 2);
    await pushWithCli(db, pushed);
    expect((await migrate(url, { seed: false })).applied).toEqual(files.slice(pushed));
    expect((await history(db)).map((r) => r.name)).toEqual(files.map(nameOf));
  }, 120_000);
});

describe('a migration that fails', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  function migrationsWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'participa-migrations-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('names the file, the line and the statement, and leaves nothing of that file', async () => {
    const { url, db } = await emptyDatabase();
    const dir = migrationsWith({
      '20990101000000_good.sql': 'create table public.good (id int);\n',
      '20990101000100_broken.sql': '-- A broken file\ncreate table public.half (id int);\n\ninsert into public.half\nvalues (1, );\n',
    });
    await expect(migrate(url, { seed: false, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`^No se pudo aplicar ${dir}/20990101000100_broken\\.sql, línea 5 \\(«insert into public\\.half»\\): syntax error at or near "\\)"$`),
    );
    expect((await history(db)).map((r) => r.name)).toEqual(['good']);
    expect(await db`select to_regclass('public.good') is not null as good, to_regclass('public.half') is not null as half`).toEqual([{ good: true, half: false }]);
  }, 60_000);

  it('points at the statement when Postgres gives no position', async () => {
    const { url } = await emptyDatabase();
    const dir = migrationsWith({ '20990101000000_twice.sql': 'create table public.twice (id int);\n\n-- again\ncreate table public.twice (id int);\n' });
    await expect(migrate(url, { seed: false, migrationsDir: dir })).rejects.toThrow(/_twice\.sql, línea 4 \(«create table public\.twice \(id int\)»\): relation "twice" already exists$/);
  }, 60_000);
});

describe('npm start on a database it cannot migrate', () => {
  it('prints one line and exits non-zero, for a database of the old runner', async () => {
    const { url, db } = await emptyDatabase();
    await db`create schema participa_meta`;
    await db`create table participa_meta.migrations (version text primary key)`;
    const dataDir = mkdtempSync(join(tmpdir(), 'participa-data-'));
    try {
      const run = spawnSync(process.execPath, ['scripts/start.ts', '--no-build'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, PORT: '0' },
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('participa_meta.migrations')]);
      expect(run.stderr).toContain('.data/pglite');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
