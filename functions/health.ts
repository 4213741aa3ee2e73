import type { Config } from '@netlify/functions';
import { checkHealth } from '../src/lib/health/check-health.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { json } from '../src/lib/http/respond.ts';

export default endpoint({
  GET: async () => {
    const healthy = await checkHealth();
    return json({ status: healthy ? 'ok' : 'degraded', db: healthy ? 'ok' : 'error' }, healthy ? 200 : 503);
  },
});

export const config: Config = { path: '/api/health' };
