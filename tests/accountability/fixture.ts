import type { Caller } from '../../src/lib/db/store.ts';
import { sql, store, uniqueSlug } from '../support/db.ts';

/** A communications officer as the SQL functions see one (the claims the store forwards). */
export const COMMUNICATIONS: Caller = {
  kind: 'staff',
  token: '',
  claims: { sub: 'test-communications', email: 'comunicaciones@agencia.gov.co', role: 'authenticated', aud: 'authenticated', app_metadata: { roles: ['communications'] } } as never,
};

type HearingOptions = { year?: number; opensInHours?: number; closesInHours?: number; startsInDays?: number };

/** A hearing written straight into the table, taking questions now unless the window says otherwise. */
export async function createHearing(options: HearingOptions = {}): Promise<{ id: number; slug: string }> {
  const { opensInHours = -1, closesInHours = 72, startsInDays = 2 } = options;
  const slug = uniqueSlug('aud');
  const [row] = await sql`
    insert into public.hearings (slug, year, title, starts_at, ends_at, stream_url, questions_open_at, questions_close_at, evaluation_survey)
    values (${slug}, ${options.year ?? 2026}, 'Audiencia de prueba', now() + make_interval(days => ${startsInDays}),
            now() + make_interval(days => ${startsInDays}, hours => 2), 'https://www.youtube.com/watch?v=prueba',
            now() + make_interval(hours => ${opensInHours}), now() + make_interval(hours => ${closesInHours}), null)
    returning id`;
  return { id: Number(row.id), slug };
}

let counter = Math.floor(Math.random() * 1e6);
export const uniqueEmail = (name = 'ciudadana') => `${name}.${Date.now().toString(36)}${(counter += 1)}@example.co`;

export const question = (overrides: Record<string, unknown> = {}) => ({
  question: '¿Cuánto se invirtió este año en los servicios en línea?',
  email: uniqueEmail(),
  consent: true,
  ...overrides,
});

/** Calls a staff SQL function as communications. */
export const asStaff = <T = any>(fn: string, args: Record<string, unknown>) => store.rpc<T>(fn, args, COMMUNICATIONS);

export const questionId = async (hearingId: number, number: number): Promise<string> =>
  (await sql`select id from public.hearing_questions where hearing_id = ${hearingId} and number = ${number}`)[0].id;
