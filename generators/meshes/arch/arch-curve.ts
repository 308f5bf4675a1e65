/**
 * A dental arch curve as a dense polyline with arc-length parameter: point and tangent at an arc position,
 * the closest arc position to a point, and chord walks (a rigid crown spans a chord, not an arc).
 *
 * The arc position s is signed: 0 at the midline (x = 0, the front of the arch), positive toward +x. Past the
 * beta curve's ends (|s| > halfLength) the curve continues in straight lines along the end tangents (straight
 * back, since the beta function's tangent is vertical at its ends), room for third molars and the retromolar
 * gingiva.
 */
import type { ArchForm } from "./arch-form.js";
import { betaArchY } from "./arch-form.js";

export interface ArchPoint {
  x: number;
  y: number;
  /** Unit tangent toward increasing s. */
  tx: number;
  ty: number;
}

export interface ArchCurveOptions {
  /** Samples of the beta part (default 1200). */
  samples?: number;
  /** Length of each straight extension past the ends, mm (default 40). */
  extension?: number;
}

export class ArchCurve {
  readonly form: ArchForm;
  /** Arc length from the midline to either end of the beta part, mm. */
  readonly halfLength: number;
  /** Polyline vertices and their signed arc positions. */
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly ss: Float64Array;

  constructor(form: ArchForm, options: ArchCurveOptions = {}) {
    if (!(form.width > 0 && form.depth > 0)) throw new RangeError(`invalid arch form: width ${form.width}, depth ${form.depth}`);
    this.form = form;
    const n = 2 * Math.max(50, Math.round((options.samples ?? 1200) / 2));
    const extension = options.extension ?? 40;
    const extSamples = Math.max(2, Math.round(extension / 0.5));
    const total = n + 1 + 2 * extSamples;
    const xs = new Float64Array(total);
    const ys = new Float64Array(total);
    const half = form.width / 2;
    // x = (W/2)·sin(πu/2) crowds the samples toward the ends, where the beta curve turns steeply.
    for (let i = 0; i <= n; i++) {
      const u = -1 + (2 * i) / n;
      const x = half * Math.sin((Math.PI * u) / 2);
      xs[extSamples + i] = x;
      ys[extSamples + i] = betaArchY(x, form.width, form.depth, form.exponent, form.power ?? 2);
    }
    for (let k = 1; k <= extSamples; k++) {
      const d = (extension * k) / extSamples;
      xs[extSamples - k] = -half;
      ys[extSamples - k] = -d;
      xs[extSamples + n + k] = half;
      ys[extSamples + n + k] = -d;
    }
    const ss = new Float64Array(total);
    for (let i = 1; i < total; i++) ss[i] = (ss[i - 1] as number) + Math.hypot((xs[i] as number) - (xs[i - 1] as number), (ys[i] as number) - (ys[i - 1] as number));
    const mid = ss[extSamples + n / 2] as number;
    for (let i = 0; i < total; i++) ss[i] = (ss[i] as number) - mid;
    this.xs = xs;
    this.ys = ys;
    this.ss = ss;
    this.halfLength = (ss[extSamples + n] as number);
  }

  /** Smallest and largest arc positions of the polyline. */
  get range(): [number, number] {
    return [this.ss[0] as number, this.ss[this.ss.length - 1] as number];
  }

  /** Point and unit tangent at arc position s (clamped to the polyline). */
  point(s: number): ArchPoint {
    const ss = this.ss;
    const last = ss.length - 1;
    let lo = 0;
    let hi = last;
    if (s <= (ss[0] as number)) hi = 1;
    else if (s >= (ss[last] as number)) lo = last - 1;
    else {
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((ss[mid] as number) <= s) lo = mid;
        else hi = mid;
      }
    }
    const s0 = ss[lo] as number;
    const len = (ss[hi] as number) - s0;
    const t = Math.min(1, Math.max(0, (s - s0) / len));
    const dx = (this.xs[hi] as number) - (this.xs[lo] as number);
    const dy = (this.ys[hi] as number) - (this.ys[lo] as number);
    return { x: (this.xs[lo] as number) + t * dx, y: (this.ys[lo] as number) + t * dy, tx: dx / len, ty: dy / len };
  }

  /**
   * Closest arc position to (x, y) and the signed offset from the curve along the outward (buccal/labial)
   * normal (−ty, tx). Linear in the number of samples.
   */
  closest(x: number, y: number): { s: number; n: number } {
    let best = Infinity;
    let bestS = 0;
    let bestN = 0;
    const xs = this.xs;
    const ys = this.ys;
    for (let i = 0; i + 1 < xs.length; i++) {
      const ax = xs[i] as number;
      const ay = ys[i] as number;
      const dx = (xs[i + 1] as number) - ax;
      const dy = (ys[i + 1] as number) - ay;
      const len2 = dx * dx + dy * dy;
      const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
      const px = ax + t * dx - x;
      const py = ay + t * dy - y;
      const d2 = px * px + py * py;
      if (d2 < best) {
        best = d2;
        const len = Math.sqrt(len2);
        bestS = (this.ss[i] as number) + t * len;
        bestN = ((x - ax) * -dy + (y - ay) * dx) / len;
      }
    }
    return { s: bestS, n: bestN };
  }

  /**
   * Walks several chords in a row from s0 (in direction sign = ±1): the arc positions of the chord ends, each
   * the start of the next, as {@link walk} would give them. One pass along the polyline, solving each chord's end
   * on its segment exactly (a quadratic), so the cost is linear in the samples it passes, not a bisection per
   * chord: the arch fit calls this thousands of times.
   */
  walkChords(s0: number, chords: readonly number[], sign: 1 | -1): number[] {
    const xs = this.xs;
    const ys = this.ys;
    const ss = this.ss;
    const last = ss.length - 1;
    const out: number[] = [];
    let s = s0;
    // Index of the polyline vertex just beyond s in the walking direction.
    let i = this.segmentAt(s) + (sign > 0 ? 1 : 0);
    for (const chord of chords) {
      const p0 = this.point(s);
      let end: number | null = null;
      let prevX = p0.x;
      let prevY = p0.y;
      let prevS = s;
      while (end === null) {
        if (i < 0 || i > last) {
          // Past the polyline (point() continues it straight): the bisection handles that rare case.
          end = this.walk(s, chord, sign);
          break;
        }
        const vx = xs[i] as number;
        const vy = ys[i] as number;
        if (Math.hypot(vx - p0.x, vy - p0.y) >= chord) {
          // |prev + t·(v − prev) − p0| = chord for t in [0, 1]: the larger root of a quadratic.
          const dx = vx - prevX;
          const dy = vy - prevY;
          const fx = prevX - p0.x;
          const fy = prevY - p0.y;
          const a = dx * dx + dy * dy;
          const b = 2 * (fx * dx + fy * dy);
          const c = fx * fx + fy * fy - chord * chord;
          const t = a > 0 ? (-b + Math.sqrt(Math.max(0, b * b - 4 * a * c))) / (2 * a) : 0;
          end = prevS + t * ((ss[i] as number) - prevS);
          break;
        }
        prevX = vx;
        prevY = vy;
        prevS = ss[i] as number;
        i += sign;
      }
      out.push(end);
      s = end;
    }
    return out;
  }

  /** Index lo of the polyline segment [lo, lo + 1] that holds s (clamped to the first or last segment). */
  private segmentAt(s: number): number {
    const ss = this.ss;
    const last = ss.length - 1;
    if (s <= (ss[0] as number)) return 0;
    if (s >= (ss[last] as number)) return last - 1;
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((ss[mid] as number) <= s) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The arc position s1 beyond s0 (in direction sign = ±1) whose point is a straight-line distance `chord`
   * from the point at s0. The chord grows monotonically along a gently curved arch, so bisection finds it.
   */
  walk(s0: number, chord: number, sign: 1 | -1): number {
    const p0 = this.point(s0);
    let lo = 0;
    let hi = chord * 2;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      const p = this.point(s0 + sign * mid);
      if (Math.hypot(p.x - p0.x, p.y - p0.y) < chord) lo = mid;
      else hi = mid;
    }
    return s0 + (sign * (lo + hi)) / 2;
  }
}
