import { rpc } from '../db/store.ts';
import type { DiagnosisReport, PublishedDiagnosis } from './schemas.ts';

/** A published diagnosis (the evidence of plan activity 1.3), or null: drafts are never public. */
export function getDiagnosisReport(year: number): Promise<DiagnosisReport | null> {
  return rpc<DiagnosisReport | null>('get_diagnosis_report', { p_year: year });
}

/** Every published diagnosis, latest first, with its overall score. */
export function listPublishedDiagnoses(): Promise<PublishedDiagnosis[]> {
  return rpc<PublishedDiagnosis[]>('list_published_diagnoses');
}
