import { describe, expect, it } from 'vitest';
import { renderEmail, TEMPLATES } from '../../src/lib/email/templates.ts';

const payload = {
  fullName: 'Ana <b>Ruiz</b>',
  number: 3,
  question: '¿Cuánto costó la boletería?',
  outcome: 'answered',
  mergedInto: null,
  answer: 'Costó 12 millones de pesos.',
  answerMode: 'live',
  recordingAt: '00:42:10',
  reason: null,
  hearing: { slug: 'audiencia-1', title: 'Primera audiencia', streamUrl: 'https://www.youtube.com/watch?v=x' },
  evaluationSurvey: 'evaluacion-audiencia-1',
};

describe('the hearing-answer e-mail', () => {
  it('gives the answer, where it is in the recording, the hearing page and the evaluation survey', async () => {
    const rendering = await renderEmail(TEMPLATES, 'hearing-answer', payload);
    expect(rendering.ok).toBe(true);
    if (!rendering.ok) return;
    const { subject, text, html } = rendering.rendered;
    expect(subject).toBe('Respuesta a su pregunta: Primera audiencia');
    expect(text).toContain('Respuesta: Costó 12 millones de pesos.');
    expect(text).toContain('minuto 42:10 de la grabación');
    expect(text).toMatch(/\/rendicion-de-cuentas\/audiencias\/audiencia-1$/m);
    expect(text).toMatch(/Evaluar la audiencia \(2 minutos\): \S+\/encuestas\/evaluacion-audiencia-1$/m);
    expect(html).toContain('Ana &lt;b&gt;Ruiz&lt;/b&gt;');
  });

  it('says why a question is out of scope, or which question answered a merged one', async () => {
    const out = await renderEmail(TEMPLATES, 'hearing-answer', { ...payload, outcome: 'out_of_scope', answer: null, answerMode: null, recordingAt: null, reason: 'Es de la alcaldía.' });
    expect(out.ok && out.rendered.text).toContain('Motivo y a dónde dirigirla: Es de la alcaldía.');
    const merged = await renderEmail(TEMPLATES, 'hearing-answer', { ...payload, outcome: 'merged', mergedInto: 1, answerMode: 'written', recordingAt: null });
    expect(merged.ok && merged.rendered.text).toContain('coincidía con la pregunta 1');
  });

  it('refuses a payload it cannot use, with the reason', async () => {
    const bad = await renderEmail(TEMPLATES, 'hearing-answer', { ...payload, outcome: 'deleted' });
    expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('datos no válidos') });
  });
});
