import { createHmac, timingSafeEqual } from 'node:crypto';
import { tokenClaimsSchema } from './token-claims';

export interface TokenClaims {
  sub: string;
  exp?: number;
  iat?: number;
  nbf?: number;
  [claim: string]: unknown;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

// Invalid UTF-8 would decode to U+FFFD, so that two different byte strings gave the same `sub`.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Signs an HS256 JWT. */
export function signToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/**
 * Verifies an HS256 JWT (signature, `exp`, `nbf`, a non-empty `sub`) and returns its claims, or
 * `undefined` for any token that is not valid. Other algorithms are refused (no `alg: none`), and
 * so are a signature in anything but canonical base64url, times that are not numbers and a `sub`
 * that the database could not store as it is.
 */
export function verifyToken(
  token: string,
  secret: string,
  nowSeconds = Date.now() / 1000,
): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  // Compared as text: only the one canonical encoding matches (no padding, no stray characters,
  // no trailing bits set), where decoding first would accept several spellings of one signature.
  const expected = Buffer.from(
    createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { alg } = JSON.parse(decode(header)) as { alg?: unknown };
    if (alg !== 'HS256') return undefined;
    const parsed = tokenClaimsSchema.safeParse(JSON.parse(decode(payload)));
    if (!parsed.success) return undefined;
    const claims = parsed.data as TokenClaims;
    // A minute of leeway for clocks that drift between issuer and server.
    if (claims.exp !== undefined && claims.exp + 60 < nowSeconds) return undefined;
    if (claims.nbf !== undefined && claims.nbf - 60 > nowSeconds) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

function decode(segment: string): string {
  return utf8.decode(Buffer.from(segment, 'base64url'));
}
