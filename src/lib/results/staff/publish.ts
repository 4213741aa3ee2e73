import { rpc, type Caller } from '../../db/store.ts';
import { validate } from '../../validation.ts';
import type { Result } from '../../result.ts';
import { publishInput } from '../schemas.ts';

export type Publication = { slug: string; published: boolean; publishedAt: string | null };

/** Publishes or withdraws a survey's results (page, API and open data go public or back to 404 together). */
export async function publishResults(slug: string, body: unknown, caller: Caller): Promise<Result<Publication>> {
  const input = validate(publishInput, body);
  if (!input.ok) return input;
  return rpc<Result<Publication>>('staff_publish_results', { p_slug: slug, p_published: input.value.published }, caller);
}
