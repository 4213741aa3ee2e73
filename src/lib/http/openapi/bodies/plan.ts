import * as z from 'zod';
import { ACTIVITY_STATUSES, type Plan, type PlanActivity, type PlanEvidence, type PlanVersion } from '../../../plan/schemas.ts';
import { typed } from '../typed.ts';
import { date, dateTime } from './common.ts';

export const planEvidence = typed<PlanEvidence>()(z.object({ id: z.number().int(), label: z.string(), url: z.string(), addedAt: dateTime }));

export const planActivity = typed<PlanActivity>()(
  z.object({
    code: z.string().meta({ examples: ['1.1'] }),
    title: z.string(),
    objective: z.string(),
    product: z.string(),
    status: z.enum(ACTIVITY_STATUSES),
    responsibleArea: z.string().nullable(),
    startsOn: date.nullable(),
    endsOn: date.nullable(),
    action: z.object({ label: z.string(), href: z.string() }).nullable(),
    evidence: z.array(planEvidence),
  }),
);

export const plan = typed<Plan>()(
  z.object({ phases: z.array(z.object({ code: z.number().int(), name: z.string(), activities: z.array(planActivity) })) }),
);

export const planVersion = typed<PlanVersion>()(z.object({ version: z.string(), publishedOn: date, changes: z.string() }));
