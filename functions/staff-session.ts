import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { errorResponse } from '../src/lib/http/respond.ts';
import { endSession, linkTokenStep, sendCodeStep, verifyCodeStep } from '../src/lib/http/staff-sign-in.ts';

// Sign in with a code (code, then verify) or with a `staff:link` token (no action); sign out (end).
const ACTIONS = { code: sendCodeStep, verify: verifyCodeStep, end: endSession } as const;

export default endpoint({
  POST: async (request, context: Context) => {
    const action = context.params.action;
    if (action === undefined) return linkTokenStep(request, context);
    if (!Object.hasOwn(ACTIONS, action)) return errorResponse({ code: 'not_found' });
    return ACTIONS[action as keyof typeof ACTIONS](request, context);
  },
});

export const config: Config = { path: ['/api/staff/session', '/api/staff/session/:action'] };
