import { isDatabaseUnavailable } from './unavailable.ts';

const copies = new Map<string, unknown>();

/**
 * A public record (an event, a hearing) read afresh, its copy kept in this process. `orLastKnown`: while
 * the database is away, that copy instead — so a page that posts to itself shows the citizen's form again
 * with what they typed and the 503 message, not an error page. Only records that exist are kept (a random
 * slug adds nothing), and never one with personal data.
 */
export async function readKeepingCopy<T>(key: string, read: () => Promise<T | null>, { orLastKnown }: { orLastKnown: boolean }): Promise<T | null> {
  try {
    const value = await read();
    if (value !== null) copies.set(key, value);
    return value;
  } catch (error) {
    if (orLastKnown && isDatabaseUnavailable(error) && copies.has(key)) return copies.get(key) as T;
    throw error;
  }
}
