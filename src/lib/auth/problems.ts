import type { ErrorCode } from '../result.ts';

/**
 * Every way signing in can fail, with the words the page and the API use. One dictionary, so the
 * form's redirect can carry a key (never free text a third party could put in a link).
 */
export const SIGN_IN_PROBLEMS = {
  invalid_email: {
    code: 'validation_failed',
    field: 'email',
    message: 'Escriba su correo completo, por ejemplo nombre@entidad.gov.co.',
  },
  invalid_code: { code: 'validation_failed', field: 'code', message: 'El código tiene 6 dígitos. Escríbalo sin letras ni espacios.' },
  wrong_code: {
    code: 'unauthorized',
    field: 'code',
    message: 'El código no es correcto. Revíselo e intente de nuevo; después de 5 intentos tendrá que pedir otro.',
  },
  // Supabase Auth answers the same for a wrong and an expired code.
  wrong_or_expired: { code: 'unauthorized', field: 'code', message: 'El código no es correcto o ya venció. Revíselo o pida uno nuevo.' },
  expired: { code: 'unauthorized', field: 'code', message: 'El código venció o ya se usó. Pida uno nuevo.' },
  too_many_attempts: { code: 'unauthorized', field: 'code', message: 'Se intentó este código demasiadas veces. Pida uno nuevo.' },
  no_role: {
    code: 'forbidden',
    message: 'Su cuenta no tiene un rol del personal. Pida a un administrador que le asigne uno y vuelva a entrar.',
  },
  rate_limited: { code: 'rate_limited', message: 'Demasiados intentos de acceso seguidos. Espere unos minutos e intente de nuevo.' },
  link: { code: 'unauthorized', message: 'El enlace de acceso no es válido o ya venció. Pida uno nuevo.' },
  unavailable: { code: 'internal', message: 'El servicio de acceso no responde. Intente de nuevo en unos minutos.' },
} as const satisfies Record<string, { code: ErrorCode; field?: 'email' | 'code'; message: string }>;

export type SignInProblem = keyof typeof SIGN_IN_PROBLEMS;

export const isSignInProblem = (value: string | null): value is SignInProblem => value !== null && Object.hasOwn(SIGN_IN_PROBLEMS, value);

/** What a sign-in step answers: a value, or the problem (and, when limited, how long to wait). */
export type SignInResult<T> = { ok: true; value: T } | { ok: false; problem: SignInProblem; retryAfter?: number };

export const refused = <T = never>(problem: SignInProblem, retryAfter?: number): SignInResult<T> => ({ ok: false, problem, retryAfter });
