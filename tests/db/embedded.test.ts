import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/lib/db/embedded.ts';
import { migrate } from '../../src/lib/db/migrate.ts';
import { createPostgresStore } from '../../src/lib/db/postgres-store.ts';
import type { Store } from '../../src/lib/db/store.ts';
import { store as postgresStore } from '../support/db.ts';
import { sampleAnswers } from '../support/surveys.ts';

// The `npm start` default: PGlite in this process, served over the wire protocol, same migrations.
describe('embedded database (PGlite over pglite-socket)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'participa-pglite-'));
  let db: EmbeddedDatabase;
  let store: Store;

  beforeAll(async () => {
    db = await startEmbeddedDatabase(dir);
    store = createPostgresStore(db.url, { max: 1 });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates and seeds on first start, and only once', async () => {
    const first = await migrate(db.url, { seed: true });
    expect(first.applied.length).toBeGreaterThanOrEqual(4);
    expect(first.seeded).toBe(true);
    expect(await migrate(db.url, { seed: true })).toEqual({ applied: [], seeded: false });
  }, 120_000);

  // What a newcomer sees on the first `npm start`: the results an agency publishes, at realistic volumes.
  it('seeds 1.1, 1.2 and 2.2 with a few hundred answers each, published, and a call list worked in rounds', async () => {
    const published = await store.rpc<{ slug: string; responses: number }[]>('list_published_results');
    const responses = Object.fromEntries(published.map((p) => [p.slug, p.responses]));
    expect(responses).toEqual({ 'oferta-de-servicios': 300, 'percepcion-redes': 300, 'satisfaccion-telefonica': 163 });

    const offer = await store.rpc<{ totals: { byChannel: { channel: string; count: number }[] } }>('get_survey_results', { p_slug: 'oferta-de-servicios' });
    expect(offer.totals.byChannel.every((c) => c.count > 0)).toBe(true);
    const social = await store.rpc<{ totals: { byNetwork: { network: string }[] }; reach: { responses: number; followers: number | null }[] }>('get_survey_results', { p_slug: 'percepcion-redes' });
    expect(social.reach.every((r) => r.responses > 0 && r.followers !== null)).toBe(true);

    const report = await store.rpc<{ totals: { contacts: number; completed: number; unreachable: number; inQueue: number }; outcomes: Record<string, number> }>('get_telephone_report', { p_survey_slug: 'satisfaccion-telefonica' });
    expect(report.totals).toMatchObject({ contacts: 340, completed: 163 });
    expect(report.totals.unreachable).toBeGreaterThan(0);
    expect(report.totals.inQueue).toBeGreaterThan(0);
    expect(Object.values(report.outcomes).every((n) => n > 0)).toBe(true);
  }, 60_000);

  // No random(): the same answers on PGlite as on the PostgreSQL the other tests run on (no test answers 2.2 or 1.2).
  it('seeds the same answers as on PostgreSQL', async () => {
    const figures = async (call: (fn: string, args: Record<string, unknown>) => Promise<any>) => {
      const social = await call('get_survey_results', { p_slug: 'percepcion-redes' });
      const phone = await call('get_telephone_report', { p_survey_slug: 'satisfaccion-telefonica' });
      return { questions: social.questions, byNetwork: social.totals.byNetwork, totals: phone.totals, byService: phone.byService, outcomes: phone.outcomes };
    };
    expect(await figures((fn, args) => store.rpc(fn, args))).toEqual(await figures((fn, args) => postgresStore.rpc(fn, args)));
  }, 60_000);

  it('serves the plan and takes a survey response as the public role, idempotently', async () => {
    const plan = await store.rpc<{ phases: { activities: unknown[] }[] }>('get_plan');
    expect(plan.phases.flatMap((p) => p.activities)).toHaveLength(14);
    const survey = await store.rpc<{ questions: { id: string; type: string; required: boolean; options: { value: string }[] }[]; consent: { version: string } }>('get_survey', { p_slug: 'oferta-de-servicios' });
    const answers = sampleAnswers(survey.questions);
    const call = () =>
      store.rpc<{ ok: boolean; value: { id: string }; replayed?: boolean }>('submit_survey_response', {
        p_slug: 'oferta-de-servicios',
        p_answers: answers,
        p_consent_version: survey.consent.version,
        p_channel: 'web',
        p_source: null,
        p_client: 'embedded-test',
        p_idempotency_key: 'embedded-key-1',
        p_request_hash: 'hash-1',
      });
    const first = await call();
    expect(first.ok).toBe(true);
    const replay = await call();
    expect(replay).toMatchObject({ ok: true, value: { id: first.value.id }, replayed: true });
  }, 60_000);

  it('keeps the data across a restart', async () => {
    await store.close();
    await db.stop();
    db = await startEmbeddedDatabase(dir);
    store = createPostgresStore(db.url, { max: 1 });
    expect(await migrate(db.url, { seed: true })).toEqual({ applied: [], seeded: false });
    const replay = await store.rpc<{ replayed?: boolean }>('submit_survey_response', {
      p_slug: 'oferta-de-servicios',
      p_answers: {},
      p_consent_version: 'x',
      p_client: 'embedded-test',
      p_idempotency_key: 'embedded-key-1',
      p_request_hash: 'hash-1',
    });
    expect(replay.replayed).toBe(true);
  }, 120_000);
});
