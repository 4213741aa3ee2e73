import { describe, expect, it } from 'vitest';
import { advisorInput, rulesInput } from '../../src/lib/advisory/staff/schemas.ts';
import { validate } from '../../src/lib/validation.ts';

describe('the staff forms’ rule rows', () => {
  it('reads rows posted as rules.<n>.field, skipping spare rows that only keep the default minutes', () => {
    const posted = {
      rules: {
        0: { weekday: '2', starts: '08:00', ends: '12:00', sessionMinutes: '30', bufferMinutes: '0' },
        1: { weekday: '', starts: '', ends: '', sessionMinutes: '45', bufferMinutes: '15' },
      },
    };
    expect(validate(rulesInput, posted)).toEqual({ ok: true, value: { rules: [{ weekday: 2, starts: '08:00', ends: '12:00', sessionMinutes: 30, bufferMinutes: 0 }] } });
  });

  it('says which row is wrong, and takes one topic from a form as a list', () => {
    const bad = validate(rulesInput, { rules: { 0: { weekday: '1', starts: '12:00', ends: '08:00' } } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.fields?.['rules.0.ends']).toBe('La hora de fin debe ser posterior a la de inicio.');
    const advisor = validate(advisorInput, { name: 'Ana Ruiz', email: 'Ana@Agencia.gov.co', topics: 'mercadeo', venue: 'Sala 2' });
    expect(advisor).toMatchObject({ ok: true, value: { email: 'ana@agencia.gov.co', topics: ['mercadeo'], mode: 'in_person', rules: [] } });
  });
});
