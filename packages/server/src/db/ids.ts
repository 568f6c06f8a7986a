import { randomFillSync } from 'node:crypto';

const random = new Uint8Array(10);
let lastMillis = 0;
let sequence = 0;

/**
 * A UUIDv7: time-ordered, so ids created later sort later, which orders the messages of a
 * turn even when they share a timestamp. Monotonic within this process.
 */
export function newId(): string {
  let now = Date.now();
  if (now <= lastMillis) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMillis += 1;
    now = lastMillis;
  } else {
    lastMillis = now;
    sequence = 0;
  }
  randomFillSync(random);
  const time = now.toString(16).padStart(12, '0');
  const version = (0x7000 | sequence).toString(16);
  const variant = ((random[0]! & 0x3f) | 0x80).toString(16) + hex(random, 1, 2);
  return `${time.slice(0, 8)}-${time.slice(8)}-${version}-${variant}-${hex(random, 2, 8)}`;
}

function hex(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let index = from; index < to; index++) out += bytes[index]!.toString(16).padStart(2, '0');
  return out;
}
