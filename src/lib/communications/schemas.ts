import * as z from 'zod';
import { ACTIVITY_CODE, SLUG, day, flag, instant, link, optional, text } from './fields.ts';

// INPUTS (the API and the forms validate with these same schemas)

export const TARGET_KINDS = ['survey', 'hearing', 'event', 'service', 'training', 'other'] as const;
export const EXERCISE_KINDS = ['survey', 'hearing', 'ticket_service', 'advisory_service'] as const;
export const COMMITMENT_STATUSES = ['planned', 'in_progress', 'done', 'discarded'] as const;
export const EVIDENCE_KINDS = ['link', 'document', 'photo'] as const;

const invitationFields = {
  title: text(3, 160),
  body: text(10, 4000),
  // Pictures are served from this site: the CSP (img-src 'self') would block another host's.
  imageUrl: optional(z.string().trim().max(2000).regex(/^\/(?!\/)\S+$/, 'La imagen debe ser una ruta de este sitio que empiece por /, por ejemplo /images/convocatorias/foto.jpg.')),
  imageAlt: optional(text(1, 300)),
  targetKind: z.enum(TARGET_KINDS),
  targetLabel: text(3, 120),
  targetUrl: link('Escriba una dirección https:// o una ruta de este sitio que empiece por /, por ejemplo /encuestas/oferta-de-servicios.'),
  activityCode: optional(ACTIVITY_CODE),
  startsAt: optional(instant),
  endsAt: optional(instant),
  publishAt: optional(instant),
  expiresAt: optional(instant),
  status: optional(z.enum(['draft', 'published', 'withdrawn'])),
};

type InvitationFields = z.output<z.ZodObject<typeof invitationFields>>;

function invitationChecks(v: InvitationFields, ctx: z.RefinementCtx) {
  if (v.imageUrl && !v.imageAlt) ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: 'Describa la imagen para quien no la ve (texto alternativo).' });
  if (v.endsAt && !v.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'Indique cuándo empieza si indica cuándo termina.' });
  if (v.endsAt && v.startsAt && v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Debe terminar después de empezar.' });
  if (v.expiresAt && v.expiresAt <= (v.publishAt ?? new Date().toISOString())) {
    ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'La invitación debe vencer después de publicarse.' });
  }
}

export const createInvitationInput = z.strictObject({ slug: SLUG, ...invitationFields }).superRefine(invitationChecks);
export const updateInvitationInput = z.strictObject(invitationFields).superRefine(invitationChecks);
export type InvitationInput = z.output<typeof updateInvitationInput>;

export const incidenceInput = z.strictObject({
  kind: z.enum(EXERCISE_KINDS),
  slug: SLUG,
  title: text(3, 160),
  url: link('Escriba la dirección del ejercicio: https:// o una ruta de este sitio, por ejemplo /rendicion-de-cuentas/audiencias/audiencia-1.'),
  resultsUrl: optional(link('Escriba la dirección de los resultados: https:// o una ruta de este sitio.')),
  activityCode: optional(ACTIVITY_CODE),
  youSaid: text(10, 4000),
  weDid: text(10, 4000),
  published: optional(flag),
});
export const exerciseRef = z.strictObject({ kind: z.enum(EXERCISE_KINDS), slug: SLUG });

export const commitmentInput = z.strictObject({
  title: text(3, 200),
  description: optional(text(0, 2000)),
  status: optional(z.enum(COMMITMENT_STATUSES)),
  dueOn: optional(day),
});

export const milestoneInput = z.strictObject({
  happenedOn: day,
  description: text(3, 1000),
  status: z.enum(COMMITMENT_STATUSES),
});

export const evidenceInput = z
  .strictObject({
    kind: z.enum(EVIDENCE_KINDS),
    label: text(3, 200),
    url: link('Escriba una dirección https:// o una ruta de este sitio que empiece por /.'),
    alt: optional(text(3, 300)),
  })
  .refine((v) => v.kind !== 'photo' || v.alt, { path: ['alt'], message: 'Describa la foto para quien no la ve (texto alternativo).' })
  .refine((v) => v.kind !== 'photo' || /^\/(?!\/)/.test(v.url), { path: ['url'], message: 'Las fotos se publican desde este sitio: escriba una ruta que empiece por /.' });

const trainingFields = {
  topic: text(3, 160),
  audience: text(3, 160),
  startsAt: instant,
  place: text(2, 160),
  attendance: optional(z.coerce.number().int('Escriba la asistencia como un número entero.').min(0).max(100_000)),
  materialsUrl: optional(link('Los materiales deben ser una dirección https:// o una ruta de este sitio.')),
  eventSlug: optional(SLUG),
};
export const createTrainingInput = z.strictObject({ slug: SLUG, ...trainingFields });
export const updateTrainingInput = z.strictObject(trainingFields);

/** The sign-up form of the mailing list (public POST). */
export const subscriptionInput = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  fullName: optional(text(3, 120)),
  organisation: optional(text(2, 160)),
  consent: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.literal(true, 'Para recibir invitaciones debe autorizar el tratamiento de sus datos personales.')),
  website: z.string().max(2000).optional(),
});
export type SubscriptionInput = z.output<typeof subscriptionInput>;

/** Confirm and unsubscribe links carry one 64-hex token. */
export const tokenInput = z.strictObject({ token: z.string().regex(/^[0-9a-f]{64}$/, 'El enlace no es válido: ábralo de nuevo desde el correo.') });

// READ MODELS (as the SQL functions return them)

export type Invitation = {
  slug: string;
  title: string;
  body: string;
  imageUrl: string | null;
  imageAlt: string | null;
  target: { kind: (typeof TARGET_KINDS)[number]; label: string; url: string };
  activityCode: string | null;
  startsAt: string | null;
  endsAt: string | null;
  publishAt: string;
  expiresAt: string | null;
  updatedAt: string;
};
export type StaffInvitation = Invitation & { status: 'draft' | 'scheduled' | 'shown' | 'expired' | 'withdrawn'; notifiedAt: string | null };

export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export type Milestone = { id: number; happenedOn: string; description: string; status: CommitmentStatus };
export type Commitment = { id: number; title: string; description: string | null; status: CommitmentStatus; dueOn: string | null; milestones: Milestone[] };
export type Evidence = { id: number; kind: (typeof EVIDENCE_KINDS)[number]; label: string; url: string; alt: string | null };
export type Incidence = {
  kind: (typeof EXERCISE_KINDS)[number];
  slug: string;
  title: string;
  url: string;
  resultsUrl: string | null;
  activityCode: string | null;
  youSaid: string;
  weDid: string;
  published: boolean;
  updatedAt: string;
  commitments: Commitment[];
  evidence: Evidence[];
};

export type TrainingSession = {
  slug: string;
  topic: string;
  audience: string;
  startsAt: string;
  place: string;
  attendance: number | null;
  materialsUrl: string | null;
  eventSlug: string | null;
};

export type { PlanVersion } from '../plan/schemas.ts';

export type MenuActivity = { code: string; title: string; status: 'pending' | 'in_progress' | 'done'; product: string; startsOn: string | null; endsOn: string | null };
export type ParticipaSection = {
  code: number;
  slug: string;
  title: string;
  description: string;
  activities: MenuActivity[];
  invitations: Invitation[];
  results: { title: string; url: string; activityCode: string | null }[];
};
