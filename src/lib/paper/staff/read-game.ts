import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import type { Leaderboard, PaperWeek, PolicyRound } from '../schemas.ts';

/** This week's challenges with the caller's claims and quiz results, team, points and badges. */
export function getPaperWeek(caller: Caller): Promise<Result<PaperWeek>> {
  return rpc<Result<PaperWeek>>('staff_paper_week', {}, caller);
}

/** Teams that scored, best first, and the top ten people who chose to be shown. */
export function getLeaderboard(caller: Caller): Promise<Result<Leaderboard>> {
  return rpc<Result<Leaderboard>>('staff_paper_leaderboard', {}, caller);
}

/** The current policy vote with the caller's own votes; null before any vote was opened. */
export function getPolicyRound(caller: Caller): Promise<Result<PolicyRound | null>> {
  return rpc<Result<PolicyRound | null>>('staff_paper_policy', {}, caller);
}
