import type { Config } from '@netlify/functions';
import { staffAccountabilityPath, staffHearingPath } from '../src/lib/accountability/links.ts';
import { getStaffHearing } from '../src/lib/accountability/staff/get-hearing.ts';
import { ACCOUNTABILITY_STAFF } from '../src/lib/accountability/staff/roles.ts';
import { createHearing, recordAttendance, updateHearing } from '../src/lib/accountability/staff/save-hearing.ts';
import { answerQuestion, moderateQuestion } from '../src/lib/accountability/staff/settle-question.ts';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';

const hearing = (_request: Request, { slug }: Record<string, string>) => staffHearingPath(slug);

export const routes = {
  'POST /api/admin/hearings': staffWrite(ACCOUNTABILITY_STAFF, staffAccountabilityPath, 'audiencia', (data, _params, caller) => createHearing(data, caller), 201),
  'GET /api/admin/hearings/:slug': staffRead(ACCOUNTABILITY_STAFF, ({ slug }, caller) => getStaffHearing(slug, caller)),
  'POST /api/admin/hearings/:slug': staffWrite(ACCOUNTABILITY_STAFF, hearing, 'guardada', (data, { slug }, caller) => updateHearing(slug, data, caller)),
  'POST /api/admin/hearings/:slug/attendance': staffWrite(ACCOUNTABILITY_STAFF, hearing, 'asistencia', (data, { slug }, caller) => recordAttendance(slug, data, caller)),
  // The hearing's slug only brings staff back to its page; the question's id names it.
  'POST /api/admin/hearings/:slug/questions/:id/moderation': staffWrite(ACCOUNTABILITY_STAFF, hearing, 'moderada', (data, { id }, caller) => moderateQuestion(id, data, caller)),
  'POST /api/admin/hearings/:slug/questions/:id/answer': staffWrite(ACCOUNTABILITY_STAFF, hearing, 'respondida', (data, { id }, caller) => answerQuestion(id, data, caller)),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/hearings',
    '/api/admin/hearings/:slug',
    '/api/admin/hearings/:slug/attendance',
    '/api/admin/hearings/:slug/questions/:id/moderation',
    '/api/admin/hearings/:slug/questions/:id/answer',
  ],
};
