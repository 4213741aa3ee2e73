import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// Fixed texts (policy, explanations) live as Markdown so communications staff can edit them without code.
const pages = defineCollection({
  loader: glob({ base: './src/content/pages', pattern: '**/*.md' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    updated: z.coerce.date().optional(),
  }),
});

// The Menú Participa's published documents (procedure, strategies, plan 5.1): each carries its own
// version history, because Res. 1519 asks that people can see when a document changed and how.
const participa = defineCollection({
  loader: glob({ base: './src/content/participa', pattern: '**/*.md' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    versions: z
      .array(z.object({ version: z.string(), date: z.coerce.date(), changes: z.string() }))
      .min(1)
      .transform((versions) => versions.toSorted((a, b) => b.date.getTime() - a.date.getTime())),
  }),
});

export const collections = { pages, participa };
