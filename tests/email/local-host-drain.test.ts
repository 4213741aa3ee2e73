import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/test-postgres.ts';
import { prepareDatabase } from '../../scripts/prepare-database.ts';
import { sql } from '../support/db.ts';
import { DATABASE_URL } from '../support/env.ts';
import { bearer, staffToken } from '../support/staff.ts';
import { startSmtpServer } from './smtp-server.ts';

// npm start's own sender, configured for SMTP, on a database of its own: a running sender takes every due
// message, and the other tests' messages must stay theirs. Its interval is an hour, so only the start and
// a nudge send.
const database = `participa_email_host_${process.pid}`;
const url = Object.assign(new URL(DATABASE_URL), { pathname: `/${database}` }).toString();
const root = resolve(import.meta.dirname, '../..');
let server: ChildProcess;
let base = '';
let db: postgres.Sql;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const dataDir = mkdtempSync(join(tmpdir(), 'participa-email-host-'));

async function until<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

beforeAll(async () => {
  await sql.unsafe(`create database ${database}`);
  await prepareDatabase(url, { seed: true });
  db = postgres(url, { max: 2, onnotice: () => {} });
  smtp = await startSmtpServer();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['scripts/start.ts', '--no-build', '--no-seed'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, PORT: String(port), EMAIL_DRAIN_SECONDS: '3600', SMTP_URL: smtp.url, MAIL_FROM: 'Participa <no-responder@agencia.gov.co>' },
  });
  const healthy = await until(async () => ((await fetch(`${base}/api/health`).catch(() => null))?.ok ? true : undefined));
  expect(healthy).toBe(true);
  // The drain at start sends what the seed queued (tickets, a waiting-list place, an advisory booking, hearing
  // answers), claimed and then sent: 'sending' too, a claimed message is not sent until its SMTP answer arrives.
  // Past it, only a nudge sends.
  const pending = async () => (await db`select count(*)::int as n from private.email_outbox where status in ('pending', 'sending')`)[0].n as number;
  expect(await until(async () => ((await pending()) === 0 ? true : undefined))).toBe(true);
}, 60_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  await db?.end();
  await smtp?.close();
  await sql.unsafe(`drop database if exists ${database} with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
});

const statusOf = async (id: number) => (await db`select status from private.email_outbox where id = ${id}`)[0]?.status as string;

describe('the local host sends e-mail', () => {
  it('at start, what is already queued: the ticket templates render through the registry', async () => {
    expect(smtp.received.map((m) => m.to)).toEqual(expect.arrayContaining([['<mariana.restrepo@example.co>'], ['<julian.ospina@example.co>']]));
    expect(await db`select template, last_error from private.email_outbox where status <> 'sent'`).toEqual([]);
  });

  it('right after a function answers a write, by SMTP', async () => {
    const before = smtp.received.length;
    const [{ id }] = await db`select private.enqueue_email('notice', 'vecino@example.org', ${db.json({ subject: 'Empujón', text: 'Hola' })}, null) as id`;
    expect(await statusOf(Number(id))).toBe('pending');

    const token = await staffToken('communications');
    const write = await fetch(`${base}/api/admin/plan/activities/1.1/status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'in_progress' }),
    });
    expect(write.status).toBe(200);

    expect(await until(async () => ((await statusOf(Number(id))) === 'sent' ? true : undefined))).toBe(true);
    const sent = smtp.received.slice(before);
    expect(sent.map((m) => m.to)).toEqual([['<vecino@example.org>']]);
    expect(sent[0].data).toMatch(/^Subject: .*Empuj/m);
    expect(await db`select 1 from private.email_mailbox where outbox_id = ${id}`).toHaveLength(0);
  });

  it('says at /staff/correo that mail goes out by SMTP, and keeps no local copy', async () => {
    const page = await fetch(`${base}/staff/correo`, { headers: await bearer('communications') });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('El correo sale por SMTP');
    expect(text).not.toContain('<table');
  });

  it('does not serve the scheduled sender as a route', async () => {
    for (const path of ['/.netlify/functions/email-sender', '/api/email-sender']) {
      expect((await fetch(`${base}${path}`, { method: 'POST', headers: { origin: base } })).status, path).toBe(404);
    }
  });
});
