import { sql, uniqueSlug } from '../support/db.ts';
import { postJson } from '../support/http.ts';
import { bearer } from '../support/staff.ts';

export const comms = () => bearer('communications', 'comunicaciones-convocatorias@agencia.gov.co');
export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** An invitation created through the staff API, as communications staff do; returns its slug and reply. */
export async function newInvitation(fields: Record<string, unknown> = {}) {
  const slug = (fields.slug as string) ?? uniqueSlug('convocatoria');
  const reply = await postJson(
    '/api/admin/invitations',
    {
      slug,
      title: 'Responda la encuesta de prueba',
      body: 'Queremos saber qué piensa de nuestros servicios: responder toma cinco minutos.',
      targetKind: 'survey',
      targetLabel: 'Responder la encuesta',
      targetUrl: '/encuestas/oferta-de-servicios',
      activityCode: '1.1',
      ...fields,
    },
    { headers: await comms() },
  );
  return { slug, reply };
}

/** Moves an invitation's publishing time into the past: what the clock does while nobody is at the keyboard. */
export async function letTimePass(slug: string) {
  await sql`update public.invitations set publish_at = now() - interval '1 second' where slug = ${slug}`;
}
