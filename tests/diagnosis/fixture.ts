import type { Verdict } from '../../src/lib/diagnosis/schemas.ts';

/**
 * A full assessment of the seeded checklist and its scores worked out by hand
 * (complies 1, partial ½, does_not 0, not_applicable left out):
 * - planeación: 1 + ½ + 0 over 3 applicable = 50.0 → intermediate
 * - rendición: 1 + 1 + 1 + ½ over 4 = 87.5 → advanced
 * - digital: 0 + ½ + 0 over 3 = 16.7 → initial
 * - datos: 1 + 1 + ½ over 3 = 83.3 → advanced
 * - overall: 6 complies + 4 partial = 8 points over 13 applicable = 61.5 → intermediate
 */
export const FIXTURE_VERDICTS: Record<string, Verdict> = {
  'PART-01': 'complies',
  'PART-02': 'partial',
  'PART-03': 'does_not',
  'PART-04': 'not_applicable',
  'RC-01': 'complies',
  'RC-02': 'complies',
  'RC-03': 'complies',
  'RC-04': 'partial',
  'DIG-01': 'does_not',
  'DIG-02': 'partial',
  'DIG-03': 'does_not',
  'DAT-01': 'complies',
  'DAT-02': 'complies',
  'DAT-03': 'partial',
};

export const FIXTURE_SCORES = {
  planeacion: { score: 50, level: 'intermediate' },
  rendicion: { score: 87.5, level: 'advanced' },
  digital: { score: 16.7, level: 'initial' },
  datos: { score: 83.3, level: 'advanced' },
  overall: { score: 61.5, level: 'intermediate' },
} as const;

/** The 2025 assessment of the seed, the base every later year is compared with. */
export const SEEDED_2025 = { year: 2025, score: 57.7, level: 'intermediate' } as const;
