import * as z from 'zod';
import { SESSION_COOKIE } from '../../auth/session.ts';
import { MAX_BODY_BYTES } from '../body.ts';
import { MESSAGES } from '../../error-messages.ts';
import { errorBody, STATUS } from '../errors.ts';
import { KEY_PATTERN } from '../request-identity.ts';
import type { ErrorCode } from '../../result.ts';
import { typed } from './typed.ts';

const CODES = Object.keys(STATUS) as [ErrorCode, ...ErrorCode[]];

/** The contract's error body, as `errorBody` builds it for every 4xx/5xx. */
export const errorBodySchema = typed<ReturnType<typeof errorBody>>()(
  z.object({
    error: z.object({
      code: z.enum(CODES),
      message: z.string().meta({ description: 'Para personas, en español.' }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'Campo con error (ruta con puntos, p. ej. `answers.servicio`) → mensaje en español.' }),
      remaining: z.number().int().min(0).optional().meta({ description: 'Solo con `sold_out`: cuántas boletas quedan (menos de las pedidas).' }),
    }),
  }),
);

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;

const ERROR_NAMES: Record<ErrorStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'ValidationFailed',
  429: 'RateLimited',
  500: 'Internal',
};

const NOTES: Partial<Record<ErrorStatus, string>> = {
  413: `Cuerpo de más de ${MAX_BODY_BYTES / 1024} KB.`,
  422: '`fields` dice qué campo falló y por qué.',
  500: 'Sin detalles internos; queda registrado con un identificador (cabecera X-Request-Id).',
};

const RETRY_AFTER = { 'Retry-After': { description: 'Segundos que conviene esperar.', schema: { type: 'integer', minimum: 1 } } };

export const errorRef = (status: ErrorStatus) => ({ $ref: `#/components/responses/${ERROR_NAMES[status]}` });

/** One reusable response per status, naming the contract codes it carries and their default message. */
function errorResponses(errorSchema: object) {
  return Object.fromEntries(
    (Object.keys(ERROR_NAMES).map(Number) as ErrorStatus[]).map((status) => {
      const codes = CODES.filter((code) => STATUS[code] === status);
      const lines = codes.map((code) => `\`${code}\`: ${MESSAGES[code]}`);
      const description = [...lines, NOTES[status]].filter(Boolean).join('\n\n');
      return [ERROR_NAMES[status], { description, headers: status === 429 ? RETRY_AFTER : undefined, content: { 'application/json': { schema: errorSchema } } }];
    }),
  );
}

export function components(toJsonSchema: (schema: z.ZodType) => object) {
  return {
    schemas: { Error: toJsonSchema(errorBodySchema) },
    responses: errorResponses({ $ref: '#/components/schemas/Error' }),
    parameters: {
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'La misma clave con el mismo cuerpo devuelve la primera respuesta sin escribir de nuevo; con otro cuerpo, 409 `duplicate`. Los formularios sin JavaScript la envían en el campo oculto `idempotencyKey`.',
        schema: toJsonSchema(z.string().regex(KEY_PATTERN)),
      },
    },
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'Token del personal (Supabase Auth en producción; `npm run staff:token -- <correo> <rol>` en local).',
      },
      staffCookie: {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: 'Sesión del personal en el navegador (POST /api/staff/session); exige un `Origin` del mismo sitio.',
      },
    },
  };
}
