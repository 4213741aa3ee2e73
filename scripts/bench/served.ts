import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startServedBuild, type ServedBuild } from '../served-build.ts';

const root = new URL('../..', import.meta.url).pathname;

/** Benchmarks that go through HTTP measure the production build; build it first when missing. Null: embedded default. */
export async function servedBuild(databaseUrl: string | null, extraEnv: Record<string, string> = {}): Promise<ServedBuild> {
  if (!existsSync(join(root, '.netlify', 'v1', 'functions', 'ssr', 'ssr.mjs'))) {
    const build = spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('astro build failed');
  }
  return startServedBuild(databaseUrl, extraEnv);
}
