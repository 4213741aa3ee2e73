import type { Endpoint } from '../endpoint.ts';
import { ACCOUNTABILITY_ENDPOINTS } from './accountability.ts';
import { ADVISORY_ENDPOINTS } from './advisory.ts';
import { COMMUNICATIONS_ENDPOINTS } from './communications.ts';
import { DIAGNOSIS_ENDPOINTS } from './diagnosis.ts';
import { FILE_ENDPOINTS } from './files.ts';
import { EVENTS_STAFF_ENDPOINTS } from './events-staff.ts';
import { MAIL_ENDPOINTS } from './mail.ts';
import { PAPER_ENDPOINTS } from './paper.ts';
import { PERSONAL_DATA_ENDPOINTS } from './personal-data.ts';
import { MONITORING_ENDPOINTS } from './monitoring.ts';
import { PLAN_ENDPOINTS } from './plan.ts';
import { RESULTS_ENDPOINTS } from './results.ts';
import { STAFF_SESSION_ENDPOINTS } from './staff-session.ts';
import { SURVEY_ENDPOINTS } from './surveys.ts';
import { SYSTEM_ENDPOINTS } from './system.ts';
import { TELEPHONE_ENDPOINTS } from './telephone.ts';
import { TICKET_ENDPOINTS } from './tickets.ts';

/**
 * Every operation /api/openapi.json describes. A new function's paths go in its group's file here (or a
 * new file listed below); tests/openapi/coverage.test.ts fails, naming the path, until they do.
 */
export const ENDPOINTS: readonly Endpoint[] = [
  ...SYSTEM_ENDPOINTS,
  ...STAFF_SESSION_ENDPOINTS,
  ...PLAN_ENDPOINTS,
  ...FILE_ENDPOINTS,
  ...SURVEY_ENDPOINTS,
  ...RESULTS_ENDPOINTS,
  ...TELEPHONE_ENDPOINTS,
  ...TICKET_ENDPOINTS,
  ...EVENTS_STAFF_ENDPOINTS,
  ...MAIL_ENDPOINTS,
  ...ADVISORY_ENDPOINTS,
  ...ACCOUNTABILITY_ENDPOINTS,
  ...COMMUNICATIONS_ENDPOINTS,
  ...DIAGNOSIS_ENDPOINTS,
  ...PAPER_ENDPOINTS,
  ...MONITORING_ENDPOINTS,
  ...PERSONAL_DATA_ENDPOINTS,
];
