import { randomUUID } from 'node:crypto';
import { signStaffToken } from '../../src/lib/auth/tokens.ts';
import { sampleAnswers } from './surveys.ts';

/** Who sends what in a mixed load, and the status each rightful request gets. */
export const KINDS = ['survey', 'admin', 'interviewer', 'write'] as const;
export type Kind = (typeof KINDS)[number];
const EXPECTED: Record<Kind, number> = { survey: 201, admin: 200, interviewer: 200, write: 201 };

export type StaffWrite = { email: string; id: string };
export type MixedLoad = {
  /** Status counts per kind; 0 stands for a request that got no answer. */
  statuses: Record<Kind, Record<number, number>>;
  /** Requests that did not get their kind's expected status. */
  errors: number;
  /** Every improvement action created, with the address of the staff member whose token created it. */
  writes: StaffWrite[];
  requestsPerSecond: number;
};

/**
 * The traffic a portal behind a pooler serves at once: citizens answering the open survey 1.1 (anon),
 * admins reading the survey list, interviewers reading the call queue, and communications staff, each with
 * a token of their own, recording improvement actions (audited writes), interleaved at `concurrency`.
 */
export async function runMixedLoad(url: string, options: { jwtSecret: string; requests: number; concurrency: number; writers?: number }): Promise<MixedLoad> {
  const survey = await (await fetch(`${url}/api/surveys/oferta-de-servicios`)).json();
  const answers = JSON.stringify({ answers: sampleAnswers(survey.questions), consent: true });
  const writers = await Promise.all(
    Array.from({ length: options.writers ?? 10 }, async (_, k) => {
      const email = `carga-${k}@agencia.gov.co`;
      return { email, token: await signStaffToken({ email, roles: ['communications'] }, options.jwtSecret) };
    }),
  );
  const admin = await signStaffToken({ email: 'carga-admin@agencia.gov.co', roles: ['admin'] }, options.jwtSecret);
  const interviewer = await signStaffToken({ email: 'carga-encuestador@agencia.gov.co', roles: ['interviewer'] }, options.jwtSecret);
  const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

  const statuses = Object.fromEntries(KINDS.map((k) => [k, {}])) as MixedLoad['statuses'];
  const writes: StaffWrite[] = [];
  let errors = 0;
  const send = async (i: number): Promise<void> => {
    // Of every ten requests: five citizens, two admin reads, two interviewer reads, one staff write.
    const slot = i % 10;
    const kind: Kind = slot < 5 ? 'survey' : slot < 7 ? 'admin' : slot < 9 ? 'interviewer' : 'write';
    const writer = writers[Math.floor(i / 10) % writers.length];
    let status = 0;
    try {
      const response =
        kind === 'survey'
          ? await fetch(`${url}/api/surveys/oferta-de-servicios/responses`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-nf-client-connection-ip': `10.77.${(i >> 8) & 255}.${i & 255}` },
              body: answers,
            })
          : kind === 'admin'
            ? await fetch(`${url}/api/admin/surveys`, { headers: json(admin) })
            : kind === 'interviewer'
              ? await fetch(`${url}/api/admin/telephone/satisfaccion-telefonica`, { headers: json(interviewer) })
              : await fetch(`${url}/api/admin/improvement-actions`, {
                  method: 'POST',
                  headers: json(writer.token),
                  body: JSON.stringify({ source: 'accountability', sourceRef: 'carga', title: `Acción de carga ${i}`, ownerArea: 'Comunicaciones', dueOn: '2027-03-31' }),
                });
      status = response.status;
      const body = await response.text();
      if (kind === 'write' && status === 201) writes.push({ email: writer.email, id: String(JSON.parse(body).id) });
    } catch {
      // no answer: counted as status 0
    }
    statuses[kind][status] = (statuses[kind][status] ?? 0) + 1;
    if (status !== EXPECTED[kind]) errors++;
  };

  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.requests) await send(next++);
    }),
  );
  return { statuses, errors, writes, requestsPerSecond: options.requests / ((performance.now() - started) / 1000) };
}
