// Public addresses of the communications pages, in one place for pages, feeds and e-mails.
export const INVITATIONS_PATH = '/participa/convocatorias';
export const INVITATIONS_RSS = `${INVITATIONS_PATH}/rss.xml`;
export const INVITATIONS_ATOM = `${INVITATIONS_PATH}/atom.xml`;
export const invitationPath = (slug: string) => `${INVITATIONS_PATH}/${encodeURIComponent(slug)}`;
export const confirmPath = (token: string) => `/participa/suscripcion/confirmar?token=${token}`;
export const unsubscribePath = (token: string) => `/participa/suscripcion/cancelar?token=${token}`;
export const incidenceAnchor = (kind: string, slug: string) => `incidencia-${kind}-${slug}`;
export const SUBSCRIBE_PATH = '/participa/suscribirse';
