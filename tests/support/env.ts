/** Set by scripts/test.ts: the served build and its database. */
export const PARTICIPA_URL = process.env.PARTICIPA_URL ?? 'http://127.0.0.1:4321';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/participa';
