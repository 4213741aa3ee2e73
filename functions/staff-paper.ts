import type { Config } from '@netlify/functions';
import { staffEndpoint, staffRead, staffWrite, type StaffRoutes } from '../src/lib/http/staff.ts';
import { answerQuiz, claimChallenge, joinTeam } from '../src/lib/paper/staff/play.ts';
import { getLeaderboard, getPaperWeek } from '../src/lib/paper/staff/read-game.ts';
import { GAME_MASTERS, PLAYERS } from '../src/lib/paper/staff/roles.ts';
import { addChallenge, updateChallenge } from '../src/lib/paper/staff/set-game.ts';

const game = () => '/staff/papel';

// Staff take part from their phone: any signed-in staff member, whatever their role.
export const routes = {
  'GET /api/admin/paper/week': staffRead(PLAYERS, (_params, caller) => getPaperWeek(caller)),
  'GET /api/admin/paper/leaderboard': staffRead(PLAYERS, (_params, caller) => getLeaderboard(caller)),
  'POST /api/admin/paper/team': staffWrite(PLAYERS, game, 'equipo', (data, _params, caller) => joinTeam(data, caller)),
  'POST /api/admin/paper/challenges': staffWrite(GAME_MASTERS, game, 'reto-creado', (data, _params, caller) => addChallenge(data, caller), 201),
  'POST /api/admin/paper/challenges/:id': staffWrite(GAME_MASTERS, game, 'reto-editado', (data, { id }, caller) => updateChallenge(id, data, caller)),
  'POST /api/admin/paper/challenges/:id/claim': staffWrite(PLAYERS, game, 'reto', (data, { id }, caller) => claimChallenge(id, data, caller), 201),
  'POST /api/admin/paper/challenges/:id/quiz': staffWrite(PLAYERS, game, 'quiz', (data, { id }, caller) => answerQuiz(id, data, caller), 201),
} satisfies StaffRoutes;

export default staffEndpoint(routes);

export const config: Config = {
  path: [
    '/api/admin/paper/week',
    '/api/admin/paper/leaderboard',
    '/api/admin/paper/team',
    '/api/admin/paper/challenges',
    '/api/admin/paper/challenges/:id',
    '/api/admin/paper/challenges/:id/claim',
    '/api/admin/paper/challenges/:id/quiz',
  ],
};
