// Addresses of the ticket pages, one place: pages, e-mails and redirects agree on them.
const BASE = '/servicios/boleteria';

export const eventsPath = () => BASE;
export const eventPath = (slug: string) => `${BASE}/${slug}`;
export const calendarPath = (slug: string) => `${BASE}/${slug}/calendario.ics`;
export const waitlistPath = (slug: string) => `${BASE}/${slug}/lista-de-espera`;
export const ticketPath = (code: string, secret: string) => `${BASE}/boleta/${code}?clave=${secret}`;
export const cancelPath = (code: string, secret: string) => `${BASE}/boleta/${code}/cancelar?clave=${secret}`;
export const offerPath = (token: string) => `${BASE}/oferta/${token}`;
