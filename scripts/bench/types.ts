/** What every benchmark receives: a migrated and seeded database, and where to print its figures. */
export type BenchContext = { databaseUrl: string; log: (line: string) => void };

export type Bench = { name: string; run: (context: BenchContext) => Promise<void> };
