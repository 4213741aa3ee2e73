// Public addresses of the habeas-data request pages, in one place for pages, functions and e-mails.
export const DATA_POLICY_PATH = '/datos-personales';
/** The form again, with the errors of a failed post (the policy page itself is static). */
export const REQUEST_FORM_PATH = '/datos-personales/solicitar';
export const LINK_SENT_PATH = '/datos-personales/solicitud-enviada';
export const requestPath = (token: string) => `/datos-personales/solicitud?token=${token}`;
export const STAFF_REQUESTS_PATH = '/staff/datos-personales/solicitudes';
