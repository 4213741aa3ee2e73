import { rpc } from '../db/store.ts';

/** One dataset of the Política de tratamiento, as private.retention_rules defines it for the retention job. */
export type PolicyDataset = {
  dataset: string;
  title: string;
  purpose: string;
  legalBasis: string;
  personalFields: string[];
  audience: string;
  roles: string[];
  /** Null while the holder keeps the relation (e.g. subscribed). */
  retentionDays: number | null;
  retentionFrom: string;
  outcome: string;
  legalReason: string;
  consentVersions: string[];
  /** True when a scheduled job applies the period; false when the holder ends it. */
  automatic: boolean;
};

/** A published consent text and the datasets collected under it; forms link to it by version. */
export type PolicyConsent = { version: string; purpose: string; publishedAt: string; datasets: string[] };

export type DataPolicy = { datasets: PolicyDataset[]; consents: PolicyConsent[] };

/** The policy as data, read from the same rules the retention job applies, so page and behaviour agree. */
export const getDataPolicy = () => rpc<DataPolicy>('get_personal_data_policy');

/** Where a form's consent text sends the citizen: the policy, at the version they are accepting. */
export const policyHref = (version: string) => `/datos-personales#${version}`;

/** "90 días después de la fecha del evento" ("3 años …" for whole years), or the condition itself when there is no fixed period. */
export function retentionLabel(d: Pick<PolicyDataset, 'retentionDays' | 'retentionFrom'>): string {
  if (d.retentionDays === null) return d.retentionFrom;
  // Periods the law counts in years (e.g. the SIC's three years) read as years.
  const years = d.retentionDays >= 365 && d.retentionDays % 365 === 0 ? d.retentionDays / 365 : null;
  const period = d.retentionDays === 1 ? 'Un día' : years ? (years === 1 ? 'Un año' : `${years} años`) : `${d.retentionDays} días`;
  return `${period} después de ${d.retentionFrom}`;
}
