/**
 * A random 128-bit id as 32 hex digits, for `Idempotency-Key` headers and local message ids.
 * `crypto.getRandomValues` rather than `crypto.randomUUID`, which browsers only offer on secure origins.
 */
export function createId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += byte.toString(16).padStart(2, '0');
  return id;
}
