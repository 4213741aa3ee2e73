import { describe, expect, it } from 'vitest';
import { errorTarget, fieldId, postedValues } from '../../src/lib/diagnosis/answer-form.ts';
import { formatChange, formatLevel, formatScore } from '../../src/lib/diagnosis/format.ts';
import { saveAnswersInput } from '../../src/lib/diagnosis/schemas.ts';
import type { DiagnosisItem } from '../../src/lib/diagnosis/schemas.ts';

describe('how scores read', () => {
  it('writes scores with a decimal comma, a dash without applicable requirements, and the level in Spanish', () => {
    expect(formatScore(61.5)).toBe('61,5 de 100');
    expect(formatScore(50)).toBe('50,0 de 100');
    expect(formatScore(null)).toBe('—');
    expect(formatLevel({ level: 'advanced' })).toBe('Avanzado');
    expect(formatLevel({ level: null })).toBe('Sin puntaje');
  });

  it('signs the change from last year with a true minus, and says when nothing changed or there is no comparison', () => {
    expect(formatChange(61.5, 57.7)).toBe('+3,8');
    expect(formatChange(16.7, 50)).toBe('−33,3');
    expect(formatChange(50, 50)).toBe('sin cambio');
    expect(formatChange(50, undefined)).toBeNull();
    expect(formatChange(null, 50)).toBeNull();
  });
});

describe('the assessment form', () => {
  const item = (code: string): DiagnosisItem => ({
    code, dimension: 'datos', title: 'Un requisito', legalSource: 'Ley', evidenceAsked: 'Algo', responsibleArea: 'TI', verdict: 'complies', evidenceLinks: ['/a'], proposedAction: null,
  });

  it('drops requirements left without a verdict and reads links one per line', () => {
    const parsed = saveAnswersInput.parse({
      answers: {
        'DAT-01': { verdict: 'partial', evidenceLinks: ' /datos-personales \r\n\r\nhttps://example.co/x ', proposedAction: ' ' },
        'DAT-02': { verdict: '', evidenceLinks: '', proposedAction: '' },
      },
    });
    expect(parsed).toEqual({ answers: { 'DAT-01': { verdict: 'partial', evidenceLinks: ['/datos-personales', 'https://example.co/x'] } } });
  });

  it('puts back what was posted, not what was saved, after an error', () => {
    const values = postedValues([item('DAT-01'), item('DAT-02')], { answers: { 'DAT-01': { verdict: 'does_not', evidenceLinks: 'www.x.co', proposedAction: 'Hacerlo' } } });
    expect(values).toEqual({
      'DAT-01': { verdict: 'does_not', evidenceLinks: 'www.x.co', proposedAction: 'Hacerlo' },
      'DAT-02': { verdict: '', evidenceLinks: '', proposedAction: '' },
    });
  });

  it('points each error at its box', () => {
    expect(errorTarget('answers.RC-01.evidenceLinks')).toEqual({ code: 'RC-01', field: 'evidenceLinks' });
    expect(errorTarget('answers.ZZ-99')).toEqual({ code: 'ZZ-99', field: 'verdict' });
    expect(errorTarget('form')).toBeNull();
    expect(fieldId('RC-01', 'evidenceLinks')).toBe('rc-01-evidencias');
    expect(fieldId('RC-01', 'verdict')).toBe('rc-01-valoracion');
  });
});
