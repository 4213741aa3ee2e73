import type { Config } from '@netlify/functions';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { getPolicyRound } from '../src/lib/paper/staff/read-game.ts';
import { GAME_MASTERS, PLAYERS } from '../src/lib/paper/staff/roles.ts';
import { openVote } from '../src/lib/paper/staff/set-game.ts';
import { proposeMeasure, voteMeasure } from '../src/lib/paper/staff/vote.ts';

const policy = () => '/staff/papel/politica';

// Every staff member proposes and votes the measures; an admin opens the vote and sets its closing date.
export const routes = {
  'GET /api/admin/paper/policy': staffRead(PLAYERS, (_params, caller) => getPolicyRound(caller)),
  'POST /api/admin/paper/policy': staffWrite(GAME_MASTERS, policy, 'abierta', (data, _params, caller) => openVote(data, caller), 201),
  'POST /api/admin/paper/measures': staffWrite(PLAYERS, policy, 'propuesta', (data, _params, caller) => proposeMeasure(data, caller), 201),
  'POST /api/admin/paper/measures/:id/vote': staffWrite(PLAYERS, policy, 'voto', (_data, { id }, caller) => voteMeasure(id, caller), 201),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: ['/api/admin/paper/policy', '/api/admin/paper/measures', '/api/admin/paper/measures/:id/vote'],
};
