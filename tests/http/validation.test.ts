import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/lib/validation.ts';

describe('validate', () => {
  const schema = z.strictObject({ name: z.string().min(1).max(5), email: z.email(), tags: z.array(z.enum(['a', 'b'])) });

  it('maps every issue to its field with a Spanish message', () => {
    const result = validate(schema, { name: 'demasiado', email: 'no-es-correo', tags: ['a', 'z'], extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation_failed');
    expect(result.error.fields).toEqual({
      name: 'Escriba como máximo 5 caracteres.',
      email: 'Escriba un correo electrónico válido, por ejemplo nombre@dominio.co.',
      tags: 'Elija una de las opciones disponibles.',
      extra: 'Este campo no está permitido.',
    });
  });

  it('says a missing field is required', () => {
    const result = validate(schema, {});
    expect(!result.ok && result.error.fields?.name).toBe('Este campo es obligatorio.');
  });

  it('returns the parsed value when valid', () => {
    expect(validate(schema, { name: 'Ana', email: 'ana@x.co', tags: [] })).toEqual({ ok: true, value: { name: 'Ana', email: 'ana@x.co', tags: [] } });
  });
});
