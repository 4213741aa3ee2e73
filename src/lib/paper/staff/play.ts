import { rpc, type Caller } from '../../db/store.ts';
import { fail, type Result } from '../../result.ts';
import { validate } from '../../validation.ts';
import { claimInput, joinTeamInput, parseId, quizInput, type QuizResult } from '../schemas.ts';

const NO_CHALLENGE = fail<never>({ code: 'not_found', message: 'No existe ese reto.' });

/** Chooses the caller's team and whether their name shows on the leaderboard (opt-in). */
export async function joinTeam(body: unknown, caller: Caller): Promise<Result<{ area: string; showName: boolean; displayName: string | null }>> {
  const input = validate(joinTeamInput, body);
  if (!input.ok) return input;
  const { area, showName, displayName } = input.value;
  return rpc('staff_paper_join', { p_area: area, p_show_name: showName, p_display_name: displayName ?? null }, caller);
}

/** Reports this week's challenge as done: its points, once per person and week. */
export async function claimChallenge(id: string, body: unknown, caller: Caller): Promise<Result<{ challengeId: number; points: number; totalPoints: number }>> {
  const challenge = parseId(id);
  if (challenge === null) return NO_CHALLENGE;
  const input = validate(claimInput, body);
  if (!input.ok) return input;
  return rpc('staff_paper_claim', { p_challenge_id: challenge, p_note: input.value.note ?? null }, caller);
}

/** Answers a challenge's quiz once; two points per right answer, and the explanations. */
export async function answerQuiz(id: string, body: unknown, caller: Caller): Promise<Result<QuizResult & { totalPoints: number }>> {
  const challenge = parseId(id);
  if (challenge === null) return NO_CHALLENGE;
  const input = validate(quizInput, body);
  if (!input.ok) return input;
  return rpc('staff_paper_answer_quiz', { p_challenge_id: challenge, p_answers: input.value.answers }, caller);
}
