import * as z from 'zod';
import { ACTIVITY_STATUSES, type Plan, type PlanActivity, type PlanEvidence, type PlanVersion, type PlanYear, type PlanYearSummary, type StaffPlan, type StaffPlanActivity } from '../../../plan/schemas.ts';
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

export const planYearSummary = typed<PlanYearSummary>()(
  z.object({
    year: z.number().int().meta({ examples: [2027] }),
    status: z.enum(['draft', 'published']),
    version: z.string().nullable(),
    effectiveFrom: date.nullable().describe('En vigor desde (día de Bogotá); null en un borrador.'),
    publishedAt: dateTime.nullable(),
    inForce: z.boolean().describe('Es el plan en vigor, el de la página de inicio.'),
  }),
);

export const planYear = typed<PlanYear>()(planYearSummary.extend({ phases: plan.shape.phases, versions: z.array(planVersion) }));

export const staffPlanActivity = typed<StaffPlanActivity>()(
  planActivity.extend({ phase: z.number().int(), position: z.number().int(), sections: z.array(z.number().int()).describe('Secciones del Menú Participa.') }),
);

export const staffPlan = typed<StaffPlan>()(
  planYearSummary.extend({
    phases: z.array(z.object({ code: z.number().int(), name: z.string(), activities: z.array(staffPlanActivity) })),
    versions: z.array(planVersion),
    sections: z.array(z.object({ code: z.number().int(), title: z.string() })),
  }),
);

export const planYearList = z.array(planYearSummary.extend({ activities: z.number().int() }));
