import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  sub: string;
  exp?: number;
  iat?: number;
  nbf?: number;
  [claim: string]: unknown;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** Signs an HS256 JWT. */
export function signToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/**
 * Verifies an HS256 JWT (signature, `exp`, `nbf`, a non-empty `sub`) and returns its claims, or
 * `undefined` for any token that is not valid. Other algorithms are refused (no `alg: none`).
 */
export function verifyToken(
  token: string,
  secret: string,
  nowSeconds = Date.now() / 1000,
): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    if (alg !== 'HS256') return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 200)
      return undefined;
    // A minute of leeway for clocks that drift between issuer and server.
    if (typeof claims.exp === 'number' && claims.exp + 60 < nowSeconds) return undefined;
    if (typeof claims.nbf === 'number' && claims.nbf - 60 > nowSeconds) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
