import { z } from 'zod';

/** The longest `sub` (user id) accepted; ids are stored in indexed text columns. */
export const MAX_SUBJECT_LENGTH = 200;

// A lone surrogate cannot be stored as UTF-8 (two different ones would become the same user) and
// Postgres text refuses NUL; other control characters have no business in an id either.
const UNSTORABLE = /[\p{Cc}\p{Cs}]/u;

/** Whether a user id can be stored and compared as it is. */
export function isStorableId(id: string): boolean {
  return !UNSTORABLE.test(id);
}

/**
 * The claims a token must carry to be accepted: a storable, non-empty `sub`, and numeric times.
 * Other claims pass through untouched.
 */
export const tokenClaimsSchema = z.looseObject({
  sub: z
    .string()
    .min(1)
    .max(MAX_SUBJECT_LENGTH)
    .refine(isStorableId, 'must hold no control characters or lone surrogates'),
  exp: z.number().optional(),
  nbf: z.number().optional(),
  iat: z.number().optional(),
});
