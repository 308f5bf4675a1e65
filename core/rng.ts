import seedrandom from "seedrandom";

/**
 * Saved state of an {@link Rng}: enough to resume the stream exactly where it was.
 * The alea state is four numbers; we keep the seed beside it so a restored stream can still fork.
 */
export interface RngState {
  seed: string;
  alea: { c: number; s0: number; s1: number; s2: number };
}

type AleaPrng = seedrandom.PRNG & { state(): RngState["alea"] };

/**
 * Ziggurat tables for {@link Rng.fillNormalsZiggurat}: 128 layers of equal area ZIG_V under f(x) = exp(−x²/2)
 * (Marsaglia & Tsang 2000). ZIG_X[i] is the right edge of layer i (ZIG_X[0] the base strip's virtual width
 * V / f(R), ZIG_X[1] = R, ZIG_X[128] = 0), ZIG_F[i] = f(ZIG_X[i]).
 */
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_X = new Float64Array(129);
const ZIG_F = new Float64Array(129);
ZIG_X[0] = ZIG_V / Math.exp(-0.5 * ZIG_R * ZIG_R);
ZIG_X[1] = ZIG_R;
for (let i = 2; i < 128; i++) {
  const x = ZIG_X[i - 1]!;
  ZIG_X[i] = Math.sqrt(-2 * Math.log(ZIG_V / x + Math.exp(-0.5 * x * x)));
}
ZIG_X[128] = 0;
for (let i = 0; i <= 128; i++) ZIG_F[i] = Math.exp(-0.5 * ZIG_X[i]! * ZIG_X[i]!);

/**
 * The rare ziggurat cases, out of line so the fast path stays small: the tail beyond R for the base strip
 * (Marsaglia 1964), else a wedge test of x against the curve. Returns the accepted |value|, or −1 to redraw.
 */
function zigguratEdge(prng: () => number, i: number, x: number): number {
  if (i === 0) {
    let t: number;
    let e: number;
    do {
      t = -Math.log(1 - prng()) / ZIG_R;
      e = -Math.log(1 - prng());
    } while (e + e < t * t);
    return ZIG_R + t;
  }
  return ZIG_F[i]! + (ZIG_F[i + 1]! - ZIG_F[i]!) * prng() < Math.exp(-0.5 * x * x) ? x : -1;
}

/**
 * A seeded random stream. Every function in dentsynth that draws random numbers takes one of these;
 * nothing reads `Math.random` or a module-global seed, so a run is a pure function of its seed.
 *
 * Built on seedrandom's `alea` (fast, 2^116 period, string seeds through its Mash hash), never the default
 * ARC4, which is five times slower (see docs/dependencies in the brief).
 *
 * @example
 * const rng = Rng.forRecord("42", "patient", 7); // patient 7 of master seed 42
 * const child = rng.fork("perio");               // independent stream, stable per label
 */
export class Rng {
  readonly seed: string;
  private readonly prng: AleaPrng;

  constructor(seed: string, state?: RngState["alea"]) {
    this.seed = seed;
    this.prng = seedrandom.alea(seed, state ? ({ state } as never) : ({ state: true } as never)) as AleaPrng;
  }

  /**
   * The stream of one record: derived from (master seed, generator name, record index) alone, so record i is
   * the same whatever the shard split, the worker count, or which other records or modalities are produced.
   */
  static forRecord(masterSeed: string, generator: string, index: number): Rng {
    return new Rng(`${masterSeed}/${generator}/${index}`);
  }

  /** Restores a stream saved with {@link snapshot}. */
  static restore(state: RngState): Rng {
    return new Rng(state.seed, state.alea);
  }

  /**
   * An independent child stream. It depends only on this stream's seed and the label, never on how many numbers
   * were drawn before, so adding a draw in one part of a model does not shift the numbers of another part.
   */
  fork(label: string): Rng {
    return new Rng(`${this.seed}/${label}`);
  }

  snapshot(): RngState {
    return { seed: this.seed, alea: this.prng.state() };
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.prng();
  }

  /** Integer uniform in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.prng() * maxExclusive);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.prng() < p;
  }

  /**
   * Normal by the polar Box-Muller method (Marsaglia 1964). The second normal of each pair is dropped on
   * purpose: a cached spare would be state outside alea's, and {@link snapshot} must capture the whole stream.
   */
  normal(mean = 0, sd = 1): number {
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.prng() - 1;
      v = 2 * this.prng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    return mean + sd * u * Math.sqrt((-2 * Math.log(s)) / s);
  }

  /**
   * Fills out[from..to) with standard normals by the ziggurat method (Marsaglia & Tsang 2000, 128 layers), which
   * takes one uniform per value in 98.8 % of draws and no logarithm or square root, about 3x faster than
   * {@link normal} for image-sized buffers. The layer index, the sign and the position within the layer come
   * from disjoint bits of one 32-bit uniform (alea's outputs are multiples of 2^-32), avoiding the correlation
   * Doornik (2005) found when the same bits serve twice. Each value consumes the stream on its own, so filling a
   * buffer in pieces gives the same numbers as filling it at once; nothing is cached between calls.
   */
  fillNormalsZiggurat(out: Float32Array | Float64Array, from = 0, to = out.length): void {
    const prng = this.prng;
    const X = ZIG_X;
    for (let k = from; k < to; k++) {
      let x: number;
      let sign: number;
      for (;;) {
        const bits = prng() * 4294967296; // an integer in [0, 2^32)
        const i = bits & 127;
        sign = 1 - ((bits & 128) >> 6); // ±1 without a branch (it would be mispredicted half the time)
        // 24 bits of position, centred in their cell so the layer is sampled without bias toward 0.
        x = (Math.floor(bits / 256) + 0.5) * 5.9604644775390625e-8 * X[i]!; // 2^-24
        if (x < X[i + 1]!) break; // inside the layer's core rectangle: 98.8 % of draws
        x = zigguratEdge(prng, i, x);
        if (x >= 0) break;
      }
      out[k] = sign * x;
    }
  }

  /** Normal truncated to [min, max] by rejection (the bounds here are always wide, so few retries). */
  truncatedNormal(mean: number, sd: number, min: number, max: number): number {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const x = this.normal(mean, sd);
      if (x >= min && x <= max) return x;
    }
    return Math.min(max, Math.max(min, mean));
  }

  /**
   * Gamma(shape, scale) by Marsaglia & Tsang (2000), with the shape < 1 boost u^(1/shape).
   * Used for patient-level frailties (gamma-distributed risk multipliers with mean 1).
   */
  gamma(shape: number, scale = 1): number {
    if (shape < 1) {
      const u = this.prng();
      return this.gamma(shape + 1, scale) * Math.pow(u === 0 ? Number.MIN_VALUE : u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.prng();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Beta(a, b) as a ratio of gammas. */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  /** Poisson(lambda): Knuth's product method below 30, a rounded normal approximation above. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.prng();
    while (p > limit) {
      k++;
      p *= this.prng();
    }
    return k;
  }

  /** One item, uniformly or by (unnormalised, non-negative) weights. */
  pick<T>(items: readonly T[], weights?: readonly number[]): T {
    if (items.length === 0) throw new RangeError("pick requires at least one item");
    if (!weights) return items[this.int(items.length)] as T;
    let total = 0;
    for (const w of weights) total += w;
    let r = this.prng() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** Fisher-Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}
