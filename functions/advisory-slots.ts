import type { Config } from '@netlify/functions';
import { listSlots } from '../src/lib/advisory/read-slots.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { fromResult } from '../src/lib/http/respond.ts';

export default endpoint({
  GET: async (request) => fromResult(await listSlots(Object.fromEntries(new URL(request.url).searchParams))),
});

export const config: Config = { path: '/api/advisory/slots' };
