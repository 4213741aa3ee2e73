// Addresses of the accountability pages, one place: pages, e-mails, redirects and the calendar agree on them.
const BASE = '/rendicion-de-cuentas';

export const accountabilityPath = () => BASE;
export const calendarFeedPath = () => `${BASE}/calendario.ics`;
export const hearingPath = (slug: string) => `${BASE}/audiencias/${slug}`;
export const questionSentPath = (slug: string, number: number | string) => `${BASE}/audiencias/${slug}/pregunta-enviada?numero=${number}`;
export const reportPath = (year: number | string) => `${BASE}/informe/${year}`;
export const surveyPath = (slug: string) => `/encuestas/${slug}`;
export const staffAccountabilityPath = () => '/staff/rendicion-de-cuentas';
export const staffHearingPath = (slug: string) => `/staff/rendicion-de-cuentas/audiencias/${slug}`;
/** Where staff add evidence to the improvement actions (of the accountability exercise and of the self-diagnosis). */
export const staffImprovementEvidencePath = () => '/staff/rendicion-de-cuentas/acciones-de-mejora';
