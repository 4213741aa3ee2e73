import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from '@netlify/functions';
import { describe, expect, it } from 'vitest';
import { servedDocument } from './served-document.ts';

const FUNCTIONS = fileURLToPath(new URL('../../functions/', import.meta.url));
const REGISTRY = 'src/lib/http/openapi/endpoints/ (its group file, or a new file listed in endpoints/index.ts)';

type Route = { file: string; pattern: string; methods: string[] };

/** Each function's `config.path` entries, and the methods it serves (its 405 answer lists them in Allow). */
async function servedRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const name of readdirSync(FUNCTIONS).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = await import(pathToFileURL(join(FUNCTIONS, name)).href);
    // A scheduled function (no path) serves no route, and calling it would run its job: email-sender would
    // drain the outbox that the other tests share, purging the payloads they read.
    if (!mod.config?.path) continue;
    for (const pattern of [mod.config.path].flat() as string[]) {
      // Asked at the path itself: a function serving several paths may serve different methods on each.
      const refused: Response = await mod.default(new Request(`http://localhost${pattern.replace(/:\w+/g, 'x')}`, { method: 'OPTIONS' }), { params: {} } as unknown as Context);
      const methods = (refused.headers.get('allow') ?? '').split(',').map((m) => m.trim().toLowerCase()).filter(Boolean);
      routes.push({ file: `functions/${name}`, pattern, methods });
    }
  }
  return routes;
}

/** `/api/surveys/:slug` serves `/api/surveys/{slug}`; a `:param` segment serves any one segment, literal or templated. */
const serves = (pattern: string, path: string) => {
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((part, i) => part.startsWith(':') || part === got[i]);
};

const template = (pattern: string) => pattern.replace(/:(\w+)/g, '{$1}');

describe('/api/openapi.json covers every route', () => {
  it('describes each path and method a function serves, and nothing that none serves', async () => {
    const [routes, doc] = await Promise.all([servedRoutes(), servedDocument()]);
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ path, method })));
    const problems: string[] = [];

    for (const route of routes) {
      const described = operations.filter((op) => serves(route.pattern, op.path));
      if (described.length === 0) {
        problems.push(
          `${route.file} serves ${route.pattern} (${route.methods.join(', ').toUpperCase()}), which /api/openapi.json does not describe: ` +
            `add { method: '${route.methods[0]}', path: '${template(route.pattern)}', … } to ${REGISTRY}`,
        );
      }
    }
    for (const file of new Set(routes.map((r) => r.file))) {
      const own = routes.filter((r) => r.file === file);
      // A path not described at all is already named above; here, a method missing from described paths.
      if (!own.every((r) => operations.some((op) => serves(r.pattern, op.path)))) continue;
      for (const route of own) {
        for (const method of route.methods) {
          if (!operations.some((op) => op.method === method && serves(route.pattern, op.path))) {
            problems.push(`${file} answers ${method.toUpperCase()} on ${route.pattern}, which no operation describes: add it to ${REGISTRY}`);
          }
        }
      }
    }
    for (const op of operations) {
      if (!routes.some((r) => r.methods.includes(op.method) && serves(r.pattern, op.path))) {
        problems.push(`/api/openapi.json describes ${op.method.toUpperCase()} ${op.path}, which no function serves: fix or remove it in ${REGISTRY}`);
      }
    }
    expect(problems).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });
});
