import * as z from 'zod';
import {
  COMMITMENT_STATUSES,
  EVIDENCE_KINDS,
  EXERCISE_KINDS,
  TARGET_KINDS,
  type Incidence,
  type Invitation,
  type StaffInvitation,
  type TrainingSession,
} from '../../../communications/schemas.ts';
import type { SubscriptionState } from '../../../communications/subscribe.ts';
import type { InvitationList } from '../../../communications/staff/invitations.ts';
import { typed } from '../typed.ts';
import { count, date, dateTime } from './common.ts';

const invitationShape = {
  slug: z.string(),
  title: z.string(),
  body: z.string(),
  imageUrl: z.string().nullable(),
  imageAlt: z.string().nullable(),
  target: z.object({ kind: z.enum(TARGET_KINDS), label: z.string(), url: z.string() }),
  activityCode: z.string().nullable(),
  startsAt: dateTime.nullable(),
  endsAt: dateTime.nullable(),
  publishAt: dateTime,
  expiresAt: dateTime.nullable(),
  updatedAt: dateTime,
};
export const invitation = typed<Invitation>()(z.object(invitationShape));
export const staffInvitation = typed<StaffInvitation>()(
  z.object({
    ...invitationShape,
    status: z.enum(['draft', 'scheduled', 'shown', 'expired', 'withdrawn']),
    notifiedAt: dateTime.nullable(),
  }),
);
export const invitationList = typed<InvitationList>()(z.object({ invitations: z.array(staffInvitation), subscribers: count }));

const status = z.enum(COMMITMENT_STATUSES);
export const incidence = typed<Incidence>()(
  z.object({
    kind: z.enum(EXERCISE_KINDS),
    slug: z.string(),
    title: z.string(),
    url: z.string(),
    resultsUrl: z.string().nullable(),
    activityCode: z.string().nullable(),
    youSaid: z.string(),
    weDid: z.string(),
    published: z.boolean(),
    updatedAt: dateTime,
    commitments: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        description: z.string().nullable(),
        status,
        dueOn: date.nullable(),
        milestones: z.array(z.object({ id: z.number().int(), happenedOn: date, description: z.string(), status })),
      }),
    ),
    evidence: z.array(z.object({ id: z.number().int(), kind: z.enum(EVIDENCE_KINDS), label: z.string(), url: z.string(), alt: z.string().nullable() })),
  }),
);
export const newCommitment = z.object({ id: z.number().int(), exercise: incidence });

export const trainingSession = typed<TrainingSession>()(
  z.object({
    slug: z.string(),
    topic: z.string(),
    audience: z.string(),
    startsAt: dateTime,
    place: z.string(),
    attendance: count.nullable(),
    materialsUrl: z.string().nullable(),
    eventSlug: z.string().nullable(),
  }),
);
export const savedTraining = z.object({ slug: z.string(), topic: z.string() });

export const subscriptionState = typed<SubscriptionState>()(z.object({ status: z.enum(['pending', 'confirmed', 'unsubscribed']) }));
