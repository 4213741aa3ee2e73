import type { RenderedEmail } from './message.ts';
import * as notice from './notice.ts';

export type Render = (payload: unknown) => RenderedEmail;
export type TemplateRegistry = Readonly<Record<string, Render>>;

/** Template name (the outbox's `template` column) → its renderer. Capabilities add theirs here. */
export const TEMPLATES: TemplateRegistry = {
  notice: notice.render,
};

export type Rendering = { ok: true; rendered: RenderedEmail } | { ok: false; reason: string };

/** Renders without throwing: an unknown template or a payload it cannot use is a reason to give up on the message. */
export function renderEmail(templates: TemplateRegistry, template: string, payload: unknown): Rendering {
  const render = Object.hasOwn(templates, template) ? templates[template] : undefined;
  if (!render) return { ok: false, reason: `Plantilla desconocida: ${template}` };
  try {
    return { ok: true, rendered: render(payload) };
  } catch (error) {
    return { ok: false, reason: `La plantilla ${template} no pudo componer el mensaje: ${(error as Error)?.message ?? String(error)}`.slice(0, 1000) };
  }
}
