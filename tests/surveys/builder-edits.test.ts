import { describe, expect, it } from 'vitest';
import { applyEdit, fromLocalInput, parseLines, questionFormOf, toLocalInput, valueFromLabel } from '../../src/lib/surveys/staff/builder-edits.ts';
import type { SurveyDefinitionInput } from '../../src/lib/surveys/staff/definition-schema.ts';

const base: SurveyDefinitionInput = {
  slug: 's', title: 'S', description: '', planActivity: null, opensAt: null, closesAt: null,
  questions: [
    { id: 'uso', type: 'single_choice', label: '¿Usó?', help: null, required: true, section: null, options: [{ value: 'si', label: 'Sí' }, { value: 'no', label: 'No' }, { value: 'otro', label: 'Otra cosa' }], items: [], min: null, max: null, allowOther: true, condition: null },
    { id: 'nota', type: 'scale_5', label: 'Nota', help: null, required: true, section: null, options: [], items: [], min: null, max: null, allowOther: false, condition: null },
  ],
};

describe('builder edits', () => {
  it('reads option lines with or without a value', () => {
    expect(parseLines('si | Sí\n\n Atención al ciudadano \nno|No')).toEqual([
      { value: 'si', label: 'Sí' },
      { value: 'atencion_al_ciudadano', label: 'Atención al ciudadano' },
      { value: 'no', label: 'No' },
    ]);
    expect(valueFromLabel('¿Dónde? Señal 4G')).toBe('donde_senal_4g');
  });

  it('converts Bogotá local times both ways', () => {
    expect(fromLocalInput('2026-12-01T08:30')).toBe('2026-12-01T08:30:00-05:00');
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput('2026-12-01T13:30:00.000Z')).toBe('2026-12-01T08:30');
  });

  it('edits one question from its form, keeping the stored «Otro» label', () => {
    const form = { ...questionFormOf(base.questions[0]), label: '¿Usó algún servicio?', options: 'si | Sí\nno | No\ntal_vez | Tal vez' };
    expect(form.options).not.toContain('otro');
    const edit = applyEdit(base, { accion: 'pregunta', ...form, required: 'true', allowOther: 'true' });
    expect(edit.ok && edit.definition.questions[0]).toMatchObject({
      label: '¿Usó algún servicio?',
      options: [{ value: 'si', label: 'Sí' }, { value: 'no', label: 'No' }, { value: 'tal_vez', label: 'Tal vez' }, { value: 'otro', label: 'Otra cosa' }],
    });
  });

  it('adds a conditional question, moves and deletes questions', () => {
    const added = applyEdit(base, { accion: 'agregar', id: 'por_que', type: 'long_text', label: '¿Por qué?', conditionQuestion: 'uso', conditionValues: 'si, otro' });
    expect(added.ok && added.definition.questions[2]).toMatchObject({ id: 'por_que', required: false, options: [], condition: { question: 'uso', anyOf: ['si', 'otro'] } });
    const moved = applyEdit(base, { accion: 'subir', clave: 'nota' });
    expect(moved.ok && moved.definition.questions.map((x) => x.id)).toEqual(['nota', 'uso']);
    const deleted = applyEdit(base, { accion: 'eliminar', clave: 'uso' });
    expect(deleted.ok && deleted.definition.questions.map((x) => x.id)).toEqual(['nota']);
    expect(applyEdit(base, { accion: 'eliminar', clave: 'nadie' }).ok).toBe(false);
  });
});
