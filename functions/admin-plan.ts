import type { Config, Context } from '@netlify/functions';
import type { Caller } from '../src/lib/db/store.ts';
import type { Result } from '../src/lib/result.ts';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { errorResponse } from '../src/lib/http/respond.ts';
import { staffPost } from '../src/lib/http/staff.ts';
import { addActivityEvidence } from '../src/lib/plan/staff/add-evidence.ts';
import { setActivityStatus } from '../src/lib/plan/staff/set-status.ts';

type Action = (code: string, body: unknown, caller: Caller) => Promise<Result<unknown>>;
const actions: Record<string, Action> = { status: setActivityStatus, evidence: addActivityEvidence };

export default endpoint({
  POST: async (request, context: Context) => {
    const { code, action } = context.params;
    const run = Object.hasOwn(actions, action) ? actions[action] : undefined;
    if (!run) return errorResponse({ code: 'not_found' });
    return staffPost(request, '/staff', action === 'status' ? 'estado' : 'evidencia', (data, caller) => run(code, data, caller));
  },
});

export const config: Config = { path: '/api/admin/plan/activities/:code/:action' };
