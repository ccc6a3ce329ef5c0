/** A seeded pseudo-random source; the same seed always yields the same sequence. */
export interface Rng {
  /** Uniform in [0, 1). */
  nextFloat(): number;
  /** Uniform integer in [0, n); n must be >= 1. */
  nextInt(n: number): number;
  /** A uniformly chosen element; the list must not be empty. */
  pick<T>(items: ArrayLike<T>): T;
}

/** sfc32: small, fast and good enough for search; seeded through splitmix32 so nearby seeds diverge. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  const nextFloat = (): number => nextUint32() / 4294967296;
  const nextInt = (n: number): number => Math.floor(nextFloat() * n);
  return {
    nextFloat,
    nextInt,
    pick: <T>(items: ArrayLike<T>): T => items[nextInt(items.length)]!,
  };
}
