import { rpc } from '../db/store.ts';
import type { TelephoneReport } from './schemas.ts';

/** The public telephone report of a published survey (aggregates only), or null for an unknown slug. */
export function getTelephoneReport(slug: string): Promise<TelephoneReport | null> {
  return rpc<TelephoneReport | null>('get_telephone_report', { p_survey_slug: slug });
}
