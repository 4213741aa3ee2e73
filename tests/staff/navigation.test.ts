import { describe, expect, it } from 'vitest';
import { currentSection, staffSections } from '../../src/lib/staff/navigation.ts';

const labels = (roles: string[]) => staffSections(roles).map((s) => s.label);

describe('staff navigation by role', () => {
  it('puts each role’s daily work right after the home, and gives an admin every section', () => {
    expect(labels(['interviewer'])).toEqual(['Inicio', 'Llamadas', 'Retos del papel']);
    expect(labels(['box_office'])).toEqual(['Inicio', 'Eventos e ingreso', 'Retos del papel']);
    expect(labels(['advisor'])).toEqual(['Inicio', 'Asesorías', 'Retos del papel']);
    expect(labels(['communications'])).toEqual([
      'Inicio', 'Plan por vigencias', 'Llamadas', 'Eventos e ingreso', 'Encuestas', 'Resultados', 'Rendición de cuentas', 'Comunicaciones', 'Monitoreo', 'Correo enviado', 'Retos del papel',
    ]);
    expect(labels(['admin'])).toEqual([
      'Inicio', 'Plan por vigencias', 'Llamadas', 'Eventos e ingreso', 'Asesorías', 'Encuestas', 'Resultados', 'Rendición de cuentas', 'Comunicaciones', 'Monitoreo',
      'Correo enviado', 'Correo fallido', 'Autodiagnóstico', 'Datos personales', 'Retos del papel',
    ]);
    expect(labels(['advisor', 'box_office'])).toEqual(['Inicio', 'Eventos e ingreso', 'Asesorías', 'Retos del papel']);
  });

  it('marks the section a page belongs to, the most specific one first', () => {
    const sections = staffSections(['admin']);
    expect(currentSection('/staff', sections)).toBe('/staff');
    expect(currentSection('/staff/correo/fallidos', sections)).toBe('/staff/correo/fallidos');
    expect(currentSection('/staff/correo/12', sections)).toBe('/staff/correo');
    expect(currentSection('/staff/monitoreo/redes', sections)).toBe('/staff/monitoreo/sitio');
    expect(currentSection('/staff/eventos/partido/ingreso', sections)).toBe('/staff/eventos');
  });
});
