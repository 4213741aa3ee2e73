import postgres from 'postgres';

let db: postgres.Sql | undefined;
/** The test database (scripts/test.ts passes the served build's DATABASE_URL). */
export const sql = () => (db ??= postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} }));

let documents = 30_000_000 + Math.floor(Math.random() * 1e6);
export const newDocument = () => String((documents += 1));
export const uniqueEmail = (name: string) => `${name}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.co`;

/** A small event written straight into the table (staff pages are another module's). */
export async function createEvent(capacity: number): Promise<string> {
  const slug = `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  await sql()`
    insert into public.events (slug, title, venue, starts_at, capacity, remaining, max_per_registration, closes_at)
    values (${slug}, 'Clínica de prueba', 'Coliseo de prueba', now() + interval '5 days', ${capacity}, ${capacity}, 2, now() + interval '4 days')`;
  return slug;
}

/** The claim link's token, as the waiting-list e-mail carries it (the tables keep only a hash). */
export async function offerToken(email: string): Promise<string> {
  const [row] = await sql()`
    select payload ->> 'token' as token from private.email_outbox
    where template = 'waitlist-offer' and recipient = ${email} order by id desc limit 1`;
  return row.token;
}
