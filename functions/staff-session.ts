import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { startSession, endSession } from '../src/lib/auth/sign-in.ts';

export default endpoint({
  POST: (request, context: Context) => (context.params.action === 'end' ? endSession(request) : startSession(request)),
});

export const config: Config = { path: ['/api/staff/session', '/api/staff/session/:action'] };
