import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'smol-toml';
import { freePort } from '../../scripts/test-postgres.ts';
import { DATABASE_URL } from '../support/env.ts';

export type NetlifySite = { url: string; log: string; stop(): Promise<void> };

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'node_modules', '.bin');
// Where the adapter's output waits for the build command to put it back (see stage()).
const ADAPTER_OUTPUT = 'astro-netlify-output';

/**
 * A copy of the site as Netlify receives it after `astro build`. Netlify Build first deletes
 * `.netlify/v1` (the adapter's SSR function) and then runs `build.command`; the copy's command puts the
 * build `npm test` already made back instead of building again, so everything after it (functions
 * bundling, the SSR function, routing, headers) is Netlify's own. A copy rather than the worktree: a
 * rebuild there would rewrite `dist/` under the served build the other tests are using, and symlinks
 * would point outside the directory Netlify bundles from, which it refuses.
 */
function stage(dir: string): void {
  for (const path of ['package.json', 'tsconfig.json', 'functions', 'src', 'dist']) cpSync(join(root, path), join(dir, path), { recursive: true });
  cpSync(join(root, '.netlify', 'v1'), join(dir, ADAPTER_OUTPUT), { recursive: true });
  // Dependencies are resolved (and bundled) from here, like the build image's node_modules.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const config = parse(readFileSync(join(root, 'netlify.toml'), 'utf8')) as { build: { command?: string } };
  config.build.command = `mkdir -p .netlify && cp -R ${ADAPTER_OUTPUT} .netlify/v1`;
  writeFileSync(join(dir, 'netlify.toml'), stringify(config));
}

// What the functions read, as the test run gives it to the served build (scripts/served-build.ts).
const DEPLOYMENT_VARIABLES = ['STAFF_JWT_SECRET', 'RATE_LIMIT_SALT', 'TRUST_CLIENT_IP_HEADER'];

/**
 * A fresh machine that never logged in to Netlify: a home of its own (netlify-cli keeps its config,
 * telemetry id and downloads under XDG paths), nothing of the test runner's environment (vitest sets
 * NODE_ENV, MODE, DEV…) but PATH and the deployment's variables, CI=1 so the CLI never prompts, checks
 * for updates or sends telemetry, and the `deno` package first on PATH: without Deno there, the CLI
 * downloads it on the first request and stops when it cannot.
 */
function childEnv(home: string): NodeJS.ProcessEnv {
  const deployment = Object.fromEntries(DEPLOYMENT_VARIABLES.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  return {
    ...deployment,
    DATABASE_URL,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    CI: '1',
    BROWSER: 'none',
  };
}

async function waitForHealth(url: string, child: ChildProcess, log: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  const tail = readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`netlify serve did not answer /api/health (exit ${child.exitCode ?? child.signalCode ?? 'none'}); log ${log}:\n${tail}`);
}

/**
 * `netlify serve --offline` on free ports over a staged copy of the build, on the test database.
 * Its output goes to test-results/netlify-serve.log.
 */
export async function startNetlifySite(timeoutMs: number): Promise<NetlifySite> {
  const dir = mkdtempSync(join(tmpdir(), 'participa-netlify-'));
  const site = join(dir, 'site');
  const home = join(dir, 'home');
  mkdirSync(site);
  mkdirSync(home);
  stage(site);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const log = join(root, 'test-results', 'netlify-serve.log');
  const out = openSync(log, 'w');
  const [port, staticPort] = [await freePort(), await freePort()];
  const child = spawn(join(bin, 'netlify'), ['serve', '--offline', '--port', String(port), '--staticServerPort', String(staticPort)], {
    cwd: site,
    env: childEnv(home),
    stdio: ['ignore', out, out],
    // Its own process group: netlify-cli starts esbuild, a static server and Deno, all stopped together.
    detached: true,
  });
  closeSync(out);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group is gone
    }
  };
  const stop = async () => {
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    signal('SIGKILL'); // whatever of the group outlived netlify-cli itself
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, log, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, log, stop };
}
