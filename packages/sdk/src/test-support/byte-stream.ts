/** A body stream that delivers `bytes` in chunks ending at `cuts` (sorted byte offsets). */
export function chunkedStream(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const bounds = [0, ...cuts.filter((cut) => cut > 0 && cut < bytes.length), bytes.length];
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index >= bounds.length - 1) return controller.close();
      controller.enqueue(bytes.slice(bounds[index], bounds[index + 1]));
      index++;
    },
  });
}

/** A small seeded generator (mulberry32), so that a failing random case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Collects everything an async iterable yields. */
export async function collect<Item>(iterable: AsyncIterable<Item>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
