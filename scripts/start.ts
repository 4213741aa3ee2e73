// npm start: build, open the database (embedded PGlite unless DATABASE_URL or Supabase is configured),
// migrate and seed on first start, then serve site + functions like Netlify does.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { runDailyWork } from '../src/lib/advisory/daily-work.ts';
import { loadHolidays } from '../src/lib/calendar/load-holidays.ts';
import { sendInvitationNotices } from '../src/lib/communications/send-notices.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/lib/db/embedded.ts';
import { MigrationError, migrationUrl } from '../src/lib/db/migrate.ts';
import { getStore } from '../src/lib/db/store.ts';
import { sweepUploads } from '../src/lib/files/direct-upload.ts';
import { rollUpVisits } from '../src/lib/monitoring/roll-up-visits.ts';
import { applyRetention } from '../src/lib/personal-data/retention.ts';
import { completeDataRequests } from '../src/lib/personal-data/request-queue.ts';
import { expireOffers } from '../src/lib/tickets/expire-offers.ts';
import { createApp } from './host/app.ts';
import { startEmailDrain, type EmailDrain } from './host/email-drain.ts';
import { startScheduledJobs } from './host/scheduled-jobs.ts';
import { dataDirOf, loadLocalSecrets } from './local-secrets.ts';
import { prepareDatabase } from './prepare-database.ts';
import { recordServerAddress } from './server-address.ts';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = dataDirOf(root);
const started = performance.now();

await loadLocalSecrets(dataDir);

if (!args.has('--no-build')) {
  const build = spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let embedded: EmbeddedDatabase | undefined;
if (!process.env.DATABASE_URL && !process.env.SUPABASE_URL) {
  embedded = await startEmbeddedDatabase(join(dataDir, 'pglite'));
  embedded.exitOnFailure();
  process.env.DATABASE_URL = embedded.url;
  // The embedded server runs one query at a time; one connection keeps each call's protocol messages together.
  process.env.DATABASE_POOL_MAX = '1';
}
if (process.env.DATABASE_URL && !process.env.SUPABASE_URL) {
  // Behind a transaction pooler, DATABASE_DIRECT_URL is the session migrations need.
  const report = await Promise.resolve().then(() => prepareDatabase(migrationUrl(), { seed: !args.has('--no-seed') })).catch(async (error: unknown) => {
    // One line an operator can act on (which file, which statement), not a stack trace.
    console.error(error instanceof MigrationError ? error.message : `No se pudo preparar la base de datos: ${error instanceof Error ? error.message : String(error)}`);
    await embedded?.stop();
    process.exit(1);
  });
  if (report.applied.length > 0) console.log(`Migraciones aplicadas: ${report.applied.join(', ')}`);
  if (report.seeded) console.log('Datos de demostración cargados.');
}

// The outbox's sender (Netlify runs functions/email-sender.ts instead). EMAIL_DRAIN_SECONDS=0 turns it off,
// for tests that drive the sender themselves; against Supabase it needs the service-role key.
const drainSeconds = Number(process.env.EMAIL_DRAIN_SECONDS ?? 5);
let email: EmailDrain | undefined;
if (drainSeconds > 0 && process.env.SUPABASE_URL && !process.env.SUPABASE_SERVICE_ROLE_KEY) {
  console.log('Correo: sin SUPABASE_SERVICE_ROLE_KEY este servidor no envía correo (la función programada email-sender sí).');
} else if (drainSeconds > 0) {
  email = startEmailDrain(drainSeconds);
}

// Netlify runs the scheduled functions; the local host runs the same jobs on the same beat, and like the
// sender they stay off where tests drive the database themselves (EMAIL_DRAIN_SECONDS=0).
const stopJobs = email
  ? startScheduledJobs([
      // functions/waitlist-sweep.ts: lapsed waiting-list offers pass to the next in line.
      { label: 'Lista de espera', everyMinutes: 5, run: expireOffers },
      // functions/advisory-reminders.ts: 24-hour reminders and the slots of days entering the horizon.
      { label: 'Asesorías', everyMinutes: 60, run: runDailyWork },
      // functions/invitation-notices.ts: each newly published invitation to the confirmed subscribers.
      { label: 'Convocatorias', everyMinutes: 5, run: sendInvitationNotices },
      // functions/visits-rollup.ts: finished days become daily figures and their salts are deleted.
      { label: 'Visitas', everyMinutes: 60, run: rollUpVisits },
      // functions/holidays-sync.ts: the holiday calendar rolls into the next year without a restart.
      { label: 'Festivos', everyMinutes: 24 * 60, run: loadHolidays },
      // functions/personal-data-retention.ts: personal fields past their retention period are suppressed.
      {
        label: 'Conservación de datos personales',
        everyMinutes: 24 * 60,
        run: async () => console.log(JSON.stringify({ level: 'info', job: 'personal-data-retention', suppressed: await applyRetention() })),
      },
      // functions/personal-data-sweep.ts: supresiones that waited for an event complete; stale links go.
      { label: 'Datos personales', everyMinutes: 60, run: completeDataRequests },
      // functions/evidence-uploads-sweep.ts: upload slots nobody completed, with any bytes sent to them.
      { label: 'Subidas de evidencias', everyMinutes: 60, run: sweepUploads },
    ])
  : undefined;

const app = await createApp({ root, trustClientIpHeader: process.env.TRUST_CLIENT_IP_HEADER === '1', afterWrite: email?.nudge });
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const url = `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${info.port}`;
  void recordServerAddress(dataDir, url);
  const database = embedded ? `embebida (${join(dataDir, 'pglite')})` : process.env.SUPABASE_URL ? 'Supabase' : 'PostgreSQL';
  console.log(`\nParticipa está en ${url}  (base de datos ${database}; listo en ${Math.round(performance.now() - started)} ms)`);
  // The demo roster (supabase/seed.sql) has one address per role; the code arrives in this log.
  console.log(`Acceso del personal: ${url}/staff/entrar con admin@agencia.gov.co (el código aparece aquí), o npm run staff:link -- correo@entidad.gov.co admin\n`);
});

async function shutdown() {
  server.close();
  stopJobs?.();
  await email?.stop();
  await (await getStore()).close().catch(() => {});
  await embedded?.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
