// Addresses of the advisory pages, one place: pages, e-mails and redirects agree on them.
const BASE = '/servicios/asesorias';

export const advisoryPath = () => BASE;
export const weekPath = (topic: string, week?: string) => `${BASE}?tema=${encodeURIComponent(topic)}${week ? `&semana=${week}` : ''}`;
export const bookPath = (topic: string, slotId: string) => `${BASE}/reservar?tema=${encodeURIComponent(topic)}&horario=${slotId}`;
export const bookingPath = (code: string, secret: string) => `${BASE}/reserva/${code}?clave=${secret}`;
export const reschedulePath = (code: string, secret: string) => `${BASE}/reserva/${code}/cambiar?clave=${secret}`;
export const cancelPath = (code: string, secret: string) => `${BASE}/reserva/${code}/cancelar?clave=${secret}`;
export const calendarPath = (code: string, secret: string) => `${BASE}/reserva/${code}/calendario.ics?clave=${secret}`;
export const surveyPath = (slug: string) => `/encuestas/${slug}`;
