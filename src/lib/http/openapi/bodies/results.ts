import * as z from 'zod';
import type { OpenDataPage } from '../../../results/open-data.ts';
import type { FollowerCount, SurveyResults, TextReview } from '../../../results/schemas.ts';
import type { Publication } from '../../../results/staff/publish.ts';
import { QUESTION_TYPES } from '../../../surveys/schemas.ts';
import { typed } from '../typed.ts';
import { count, date, dateTime } from './common.ts';

const bar = z.object({ value: z.string(), label: z.string(), count, percent: z.number() });
const crossTab = z.object({
  group: z.string(),
  answered: count,
  options: z.array(bar.omit({ label: true })),
  mean: z.number().nullable().optional(),
  score: z.number().nullable().optional(),
});

export const surveyResults = typed<SurveyResults>()(
  z.object({
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    planActivity: z.string().nullable(),
    status: z.enum(['open', 'closed', 'scheduled', 'draft']).meta({ description: 'draft solo en vistas previas del equipo.' }),
    publishedAt: dateTime.nullable(),
    generatedAt: dateTime,
    totals: z.object({
      responses: count,
      firstAt: dateTime.nullable(),
      lastAt: dateTime.nullable(),
      byChannel: z.array(z.object({ channel: z.string(), count, percent: z.number() })),
      byNetwork: z.array(z.object({ network: z.string(), count, percent: z.number() })),
    }),
    questions: z.array(
      z.object({
        id: z.string(),
        type: z.enum(QUESTION_TYPES),
        label: z.string(),
        section: z.string().nullable(),
        answered: count,
        options: z.array(bar).optional(),
        distribution: z.array(bar).optional(),
        mean: z.number().nullable().optional(),
        median: z.number().nullable().optional(),
        min: z.number().nullable().optional(),
        max: z.number().nullable().optional(),
        nps: z
          .object({
            promoters: count,
            passives: count,
            detractors: count,
            promotersPercent: z.number(),
            passivesPercent: z.number(),
            detractorsPercent: z.number(),
            score: z.number(),
          })
          .optional(),
        columns: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
        items: z.array(z.object({ key: z.string(), label: z.string(), answered: count, options: z.array(bar) })).optional(),
        texts: z
          .object({ published: z.array(z.string()), unpublished: count })
          .optional()
          .meta({ description: 'Solo los textos que el equipo marcó como publicables, anonimizados.' }),
        byChannel: z.array(crossTab).optional(),
        byNetwork: z.array(crossTab).optional(),
      }),
    ),
    reach: z.array(
      z.object({ network: z.string(), responses: count, followers: count.nullable(), measuredOn: date.nullable(), per1000: z.number().nullable() }),
    ),
  }),
);

type OpenDataJson = Omit<OpenDataPage, 'rows' | 'offset' | 'total'> & { rows: Record<string, string | number | null>[] };

/** The JSON download (openDataJson streams it): survey, licence, dictionary and one object per response. */
export const openDataJson = typed<OpenDataJson>()(
  z.object({
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    planActivity: z.string().nullable(),
    status: z.enum(['open', 'closed', 'scheduled']),
    publishedAt: dateTime,
    generatedAt: dateTime,
    license: z.string(),
    licenseUrl: z.string(),
    columns: z.array(z.string()),
    dictionary: z.array(
      z.object({ column: z.string(), question: z.string(), type: z.string(), values: z.array(z.object({ value: z.string(), label: z.string() })), description: z.string() }),
    ),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).meta({ description: 'Una respuesta anónima por objeto, con las columnas de `columns`.' }),
  }),
);

export const publication = typed<Publication>()(z.object({ slug: z.string(), published: z.boolean(), publishedAt: dateTime.nullable() }));

export const textReview = typed<TextReview>()(
  z.object({ answerId: z.number().int(), publishable: z.boolean(), redactedText: z.string().nullable(), reviewedBy: z.string().nullable(), reviewedAt: dateTime }),
);

export const followerCount = typed<FollowerCount>()(z.object({ network: z.string(), measuredOn: date, followers: count }));
