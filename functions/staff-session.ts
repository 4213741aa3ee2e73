import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { endSession, linkTokenStep, sendCodeStep, verifyCodeStep } from '../src/lib/http/staff-sign-in.ts';
import { errorResponse } from '../src/lib/http/respond.ts';

// Sign in with a code (code → verify), with a `staff:link` token (no action), and sign out (end).
const STEPS = { code: sendCodeStep, verify: verifyCodeStep, end: endSession } as const;

export default endpoint({
  POST: (request, context: Context) => {
    const action = context.params.action;
    if (action === undefined) return linkTokenStep(request, context);
    return Object.hasOwn(STEPS, action) ? STEPS[action as keyof typeof STEPS](request, context) : Promise.resolve(errorResponse({ code: 'not_found' }));
  },
});

export const config: Config = { path: ['/api/staff/session', '/api/staff/session/:action'] };
