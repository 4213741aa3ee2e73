import { describe, expect, it } from 'vitest';
import { addChallengeInput, joinTeamInput, openVoteInput, quizInput } from '../../src/lib/paper/schemas.ts';

describe('paper game inputs', () => {
  it('reads the team form: an unticked box is "no", a ticked one "yes"', () => {
    expect(joinTeamInput.parse({ area: 'juridica' })).toEqual({ area: 'juridica', showName: false });
    expect(joinTeamInput.parse({ area: 'juridica', showName: 'on', displayName: ' Ana ' })).toEqual({ area: 'juridica', showName: true, displayName: 'Ana' });
  });

  it('reads quiz answers from radio values and refuses anything but an option number', () => {
    expect(quizInput.parse({ answers: { '12': '1', '13': 0 } })).toEqual({ answers: { '12': 1, '13': 0 } });
    expect(quizInput.safeParse({ answers: { '12': 'b' } }).success).toBe(false);
    expect(quizInput.safeParse({ answers: { x: 1 } }).success).toBe(false);
  });

  it('reads the closing time of a vote in Colombian time', () => {
    expect(openVoteInput.parse({ title: 'Votación', closesAt: '2026-12-15T17:00' }).closesAt).toBe('2026-12-15T22:00:00.000Z');
    expect(openVoteInput.safeParse({ title: 'Votación', closesAt: '15/12/2026' }).success).toBe(false);
  });

  it('takes a challenge with its questions as JSON or as the numbered form fields', () => {
    const base = { weekOf: '2026-12-01', title: 'Reto', description: 'Algo que hacer', actionLabel: 'Lo hice', points: '5' };
    const fromForm = addChallengeInput.parse({
      ...base,
      questions: { '0': { prompt: '¿Sí?', options: 'Sí\nNo', correctOption: '1', explanation: 'Porque no.' }, '1': { prompt: '', options: '', correctOption: '0', explanation: '' } },
    });
    expect(fromForm.points).toBe(5);
    expect(fromForm.questions).toEqual([{ prompt: '¿Sí?', options: ['Sí', 'No'], correctOption: 1, explanation: 'Porque no.' }]);
    expect(addChallengeInput.parse(base).questions).toEqual([]);
  });
});
