import type * as z from 'zod';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * `typed<Plan>()(schema)` compiles only when the schema's output is exactly the type the code returns,
 * so a response described for the document cannot drift from what the function sends.
 */
export const typed =
  <T>() =>
  <S extends z.ZodType>(schema: S, ..._sameType: Same<z.output<S>, T> extends true ? [] : [mismatch: { schema: z.output<S>; code: T }]): S =>
    schema;
