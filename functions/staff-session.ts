import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { endSession, linkTokenStep, sendCodeStep, verifyCodeStep } from '../src/lib/http/staff-sign-in.ts';

// Sign in with a code (code, then verify) or with a `staff:link` token (no action); sign out (end).
const ACTIONS = { code: sendCodeStep, verify: verifyCodeStep, end: endSession } as const;

export default endpoint({
  POST: async (request, context: Context) => {
    const action = new URL(request.url).pathname.split('/').at(-1) as string;
    return Object.hasOwn(ACTIONS, action) ? ACTIONS[action as keyof typeof ACTIONS](request, context) : linkTokenStep(request, context);
  },
});

export const config: Config = { path: ['/api/staff/session', '/api/staff/session/code', '/api/staff/session/verify', '/api/staff/session/end'] };
