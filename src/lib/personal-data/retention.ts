import { rpc, SERVICE } from '../db/store.ts';
import type { Result } from '../result.ts';

/** Rows whose personal fields a retention run suppressed, per dataset of private.retention_rules. */
export type RetentionCounts = Record<string, number>;

/**
 * Suppresses the personal fields of every dataset whose retention period has passed (Ley 1581, art. 4 b;
 * Decreto 1377 de 2013, art. 11). Idempotent: a second run finds nothing to do.
 */
export async function applyRetention(): Promise<RetentionCounts> {
  const result = await rpc<Result<RetentionCounts>>('apply_personal_data_retention', {}, SERVICE);
  if (!result.ok) throw new Error(`apply_personal_data_retention: ${result.error.code}`);
  return result.value;
}
