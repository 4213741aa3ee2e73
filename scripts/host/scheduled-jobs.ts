// The local host's stand-in for Netlify's scheduled functions (functions/* with config.schedule), which it
// does not mount: the same library calls on the same beat, each failure logged in one line and retried
// at the next tick.

export type ScheduledJob = { label: string; everyMinutes: number; run: () => Promise<unknown> };

/** Starts every job's timer; the returned function stops them all. */
export function startScheduledJobs(jobs: ScheduledJob[]): () => void {
  const timers = jobs.map((job) =>
    setInterval(
      () => job.run().catch((error) => console.error(`${job.label}: el trabajo programado falló (${(error as Error)?.message ?? error}).`)),
      job.everyMinutes * 60_000,
    ),
  );
  return () => timers.forEach(clearInterval);
}
