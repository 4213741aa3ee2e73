import type { Config } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { json } from '../src/lib/http/respond.ts';
import { getPlan } from '../src/lib/plan/read-plan.ts';

export default endpoint({ GET: async () => json(await getPlan()) });

export const config: Config = { path: '/api/plan' };
