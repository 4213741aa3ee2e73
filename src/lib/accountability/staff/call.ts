import type * as z from 'zod';
import { forbiddenUnless } from '../../auth/require-role.ts';
import { rpc, type Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { isUuid, validate } from '../../validation.ts';
import { ACCOUNTABILITY_STAFF } from './roles.ts';

const DENIED = 'Su rol no permite gestionar la rendición de cuentas. Pida el rol de comunicaciones.';

/**
 * The steps every accountability staff write shares: the role up front (so a wrong role hears "forbidden"
 * before any detail of its body), the shared schema, then one SQL function, which checks the role again.
 */
export async function staffCall<S extends z.ZodType, T>(
  caller: Caller,
  schema: S,
  body: unknown,
  fn: string,
  args: (input: z.output<S>) => Record<string, unknown>,
): Promise<Result<T>> {
  const denied = forbiddenUnless(caller, ACCOUNTABILITY_STAFF, DENIED);
  if (denied) return denied;
  const input = validate(schema, body);
  if (!input.ok) return input;
  return rpc<Result<T>>(fn, args(input.value), caller);
}

/** A path id that is not a positive whole number names nothing. */
export const numericId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : null);
export const uuidId = (id: string) => (isUuid(id) ? id.toLowerCase() : null);
