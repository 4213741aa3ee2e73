/** How many of one client's public writes may hold a database connection at once. */
export const SLOTS_PER_CLIENT = 2;

/** How long a write waits for its client's turn before it is refused like a rate limit (429). */
export const SLOT_WAIT_MS = 2_000;

type Line = { active: number; waiting: Array<(release: (() => void) | null) => void> };

/**
 * Takes turns per client before the database: one client's burst uses at most SLOTS_PER_CLIENT of the pool's
 * connections, the rest wait here (a promise each, no connection), so a flood's first second, before the
 * SQL rate limit has refused it, cannot queue the other citizens behind it. A person never has two writes
 * in flight; people behind one shared address (a carrier's NAT) wait a few milliseconds for each other.
 * Per process, like the rate-limit note: each instance protects its own pool.
 */
export class ClientSlots {
  private readonly lines = new Map<string, Line>();

  constructor(
    private readonly perClient = SLOTS_PER_CLIENT,
    private readonly maxWaitMs = SLOT_WAIT_MS,
  ) {}

  /** A release function once the client has a slot, or null if none came free within the wait. */
  acquire(client: string): Promise<(() => void) | null> {
    let line = this.lines.get(client);
    if (!line) this.lines.set(client, (line = { active: 0, waiting: [] }));
    if (line.active < this.perClient) {
      line.active++;
      return Promise.resolve(this.releaser(client, line));
    }
    const queued = line;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        queued.waiting.splice(queued.waiting.indexOf(handOver), 1);
        resolve(null);
      }, this.maxWaitMs);
      const handOver = (release: (() => void) | null) => {
        clearTimeout(timer);
        resolve(release);
      };
      queued.waiting.push(handOver);
    });
  }

  /** Clients holding or waiting for a slot. */
  get size(): number {
    return this.lines.size;
  }

  private releaser(client: string, line: Line): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the next in line; the line goes when nobody holds or wants it.
      const next = line.waiting.shift();
      if (next) next(this.releaser(client, line));
      else if (--line.active === 0) this.lines.delete(client);
    };
  }
}
