/**
 * The database could not be reached in time, or a statement ran out of time: nothing can be promised
 * about this request, and the same request may be sent again (an Idempotency-Key makes that safe).
 * Checked by name, not `instanceof`: the functions and the SSR bundle each carry their own copy of this
 * module, and the process store (created by whichever bundle came first) throws its copy's class.
 */
export class DatabaseUnavailable extends Error {
  override readonly name = 'DatabaseUnavailable';
  constructor(cause: unknown) {
    super(`database unavailable: ${describe(cause)}`, { cause });
  }
}

export const isDatabaseUnavailable = (error: unknown): error is DatabaseUnavailable => (error as Error | null)?.name === 'DatabaseUnavailable';

/** What a client is told to wait before trying again; a restart of PostgreSQL takes about this long. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The contract answers within 3 s, so every database call has this long in all — waiting for a pooled
 * connection, connecting, running — and the server's statement_timeout stops a slow statement before it.
 */
export const CALL_DEADLINE_MS = 2_800;
export const STATEMENT_TIMEOUT_MS = 2_400;
export const CONNECT_TIMEOUT_SECONDS = 2;

/**
 * Scheduled jobs (the e-mail sender, roll-ups, sweeps) answer no one waiting and may work through a
 * backlog: they are bounded, but not by a request's 3 s.
 */
export const JOB_DEADLINE_MS = 5 * 60_000;
export const JOB_STATEMENT_TIMEOUT_MS = 4 * 60_000;

// Node's socket errors and postgres.js's own connection errors: the server is gone, not the request wrong.
const TRANSPORT = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
]);

// SQLSTATEs: 57014 query_canceled (statement_timeout), 57P01–57P03 admin/crash shutdown and cannot connect
// now (starting up, recovering), 53300 too many connections; class 08 is every connection exception.
const SQLSTATES = new Set(['57014', '57P01', '57P02', '57P03', '53300']);

/** True for a failure that says nothing about the request itself: the database is down, far, or full. */
export function unreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  if (typeof code === 'string' && (TRANSPORT.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return unreachable(cause, depth + 1);
}

function describe(cause: unknown): string {
  const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === 'string' && part !== '').join(' ') || String(cause);
}

/**
 * Runs `call` with a deadline: past it the caller hears DatabaseUnavailable at once, and `call` sees its
 * signal aborted so work still queued for a connection is dropped instead of written after the answer.
 */
export async function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new DOMException(`no answer from the database in ${ms} ms`, 'TimeoutError');
      controller.abort(reason);
      reject(new DatabaseUnavailable(reason));
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), expired]);
  } catch (error) {
    throw unreachable(error) && !isDatabaseUnavailable(error) ? new DatabaseUnavailable(error) : error;
  } finally {
    clearTimeout(timer);
  }
}
