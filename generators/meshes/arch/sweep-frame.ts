/**
 * The frame the gingiva band is swept in: the arch curve with cross-sections along a *smoothed* normal.
 *
 * Why smoothed: offsetting along the curve's own normal folds wherever the offset exceeds the radius of
 * curvature, and the beta arch turns with radii of 7–14 mm at the canines and at its ends (measured on sampled
 * arches) while the band reaches 8–10 mm to the lingual side; the band's lingual foot then crossed itself and the
 * closest-point coordinates of a lingual point jumped along the arch. Averaging the normal's direction over
 * SMOOTHING mm of arch spreads each turn over a longer stretch, so neighbouring cross-sections stay apart.
 *
 * Coordinates: a point is (s, n) = p(s) + n·N(s), where p is the arch curve, N the smoothed outward normal and n
 * the offset along it; `locate` inverts this by finding where (q − p(s))·T(s) changes sign, T ⊥ N.
 */
import type { ArchCurve } from "./arch-curve.js";

/** Gaussian SD of the normal's smoothing along the arch, mm [A: about the band's half-width]. */
const SMOOTHING = 5;
/** Sample spacing of the frame along the arch, mm [A: the arch curve's own polyline is ~0.1 mm]. */
const STEP = 0.1;

export class SweepFrame {
  private readonly s0: number;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  /** Smoothed tangent direction (cos, sin); the outward normal is (−sin, cos). */
  private readonly cs: Float64Array;
  private readonly sn: Float64Array;

  /** The frame over arc positions [from, to] (extended on both sides so the smoothing sees the whole turn). */
  constructor(curve: ArchCurve, from: number, to: number) {
    const pad = 3 * SMOOTHING + 1;
    this.s0 = from - pad;
    const count = Math.ceil((to - from + 2 * pad) / STEP) + 1;
    this.xs = new Float64Array(count);
    this.ys = new Float64Array(count);
    const angle = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const pt = curve.point(this.s0 + k * STEP);
      this.xs[k] = pt.x;
      this.ys[k] = pt.y;
      // Unwrapped, so the average below does not jump at ±π.
      let a = Math.atan2(pt.ty, pt.tx);
      if (k > 0) {
        const prev = angle[k - 1] as number;
        a += 2 * Math.PI * Math.round((prev - a) / (2 * Math.PI));
      }
      angle[k] = a;
    }
    const half = Math.ceil((3 * SMOOTHING) / STEP);
    const weights = Array.from({ length: 2 * half + 1 }, (_, i) => Math.exp(-0.5 * (((i - half) * STEP) / SMOOTHING) ** 2));
    this.cs = new Float64Array(count);
    this.sn = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      let sum = 0;
      let weight = 0;
      for (let i = Math.max(0, k - half); i <= Math.min(count - 1, k + half); i++) {
        const w = weights[i - k + half] as number;
        sum += w * (angle[i] as number);
        weight += w;
      }
      this.cs[k] = Math.cos(sum / weight);
      this.sn[k] = Math.sin(sum / weight);
    }
  }

  /** Point of the curve and smoothed outward normal at arc position s (linear between samples, clamped). */
  at(s: number): { x: number; y: number; nx: number; ny: number } {
    const last = this.xs.length - 1;
    const f = Math.min(last, Math.max(0, (s - this.s0) / STEP));
    const k = Math.min(last - 1, Math.floor(f));
    const t = f - k;
    const lerp = (a: Float64Array) => (a[k] as number) + t * ((a[k + 1] as number) - (a[k] as number));
    const c = lerp(this.cs);
    const sn = lerp(this.sn);
    const len = Math.hypot(c, sn);
    return { x: lerp(this.xs), y: lerp(this.ys), nx: -sn / len, ny: c / len };
  }

  /**
   * (s, n) of the point (x, y): from a start sample looked up in a 2 mm grid (the nearest 1 mm sample to the
   * cell's centre; a full scan outside the grid), the walk to where (q − p(s))·T(s) changes sign, then linear
   * interpolation. The residual falls monotonically along the arch wherever the frame does not fold, so any
   * start on the right side of the arch finds the same root. Cost: a few steps; every crown vertex is located.
   */
  locate(x: number, y: number): { s: number; n: number } {
    const xs = this.xs, ys = this.ys, cs = this.cs, sn = this.sn;
    const last = xs.length - 1;
    let k = this.startNear(x, y);
    // Along-arch residual h(i) = (q − p_i)·T_i: positive while the point lies ahead of sample i.
    let hk = (x - (xs[k] as number)) * (cs[k] as number) + (y - (ys[k] as number)) * (sn[k] as number);
    if (hk >= 0) {
      while (k + 1 < last) {
        const h1 = (x - (xs[k + 1] as number)) * (cs[k + 1] as number) + (y - (ys[k + 1] as number)) * (sn[k + 1] as number);
        if (h1 < 0) break;
        k++;
        hk = h1;
      }
    } else {
      while (k > 0 && hk < 0) {
        k--;
        hk = (x - (xs[k] as number)) * (cs[k] as number) + (y - (ys[k] as number)) * (sn[k] as number);
      }
    }
    const h1 = (x - (xs[k + 1] as number)) * (cs[k + 1] as number) + (y - (ys[k + 1] as number)) * (sn[k + 1] as number);
    const t = hk - h1 > 0 ? Math.min(1, Math.max(0, hk / (hk - h1))) : 0;
    const px = (xs[k] as number) + t * ((xs[k + 1] as number) - (xs[k] as number));
    const py = (ys[k] as number) + t * ((ys[k + 1] as number) - (ys[k] as number));
    const c = (cs[k] as number) + t * ((cs[k + 1] as number) - (cs[k] as number));
    const d = (sn[k] as number) + t * ((sn[k + 1] as number) - (sn[k] as number));
    const len = Math.hypot(c, d);
    return { s: this.s0 + (k + t) * STEP, n: ((x - px) * -d + (y - py) * c) / len };
  }

  /** Lookup grid for {@link locate}'s start: bounds, cell count per row, start sample per cell. */
  private lookup: { x0: number; y0: number; nx: number; ny: number; start: Int32Array } | null = null;

  private startNear(x: number, y: number): number {
    const cell = 2; // mm [A]: a start within ~1.5 mm of the root, about 15 fine steps away
    if (this.lookup === null) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (let i = 0; i < this.xs.length; i++) {
        x0 = Math.min(x0, this.xs[i] as number);
        x1 = Math.max(x1, this.xs[i] as number);
        y0 = Math.min(y0, this.ys[i] as number);
        y1 = Math.max(y1, this.ys[i] as number);
      }
      // Reach of the grid around the curve [A: beyond any band half-width].
      const reach = 16;
      x0 -= reach;
      y0 -= reach;
      const nx = Math.ceil((x1 + reach - x0) / cell);
      const ny = Math.ceil((y1 + reach - y0) / cell);
      const start = new Int32Array(nx * ny);
      for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) start[j * nx + i] = this.nearestSample(x0 + (i + 0.5) * cell, y0 + (j + 0.5) * cell);
      this.lookup = { x0, y0, nx, ny, start };
    }
    const { x0, y0, nx, ny, start } = this.lookup;
    const i = Math.floor((x - x0) / cell);
    const j = Math.floor((y - y0) / cell);
    return i >= 0 && j >= 0 && i < nx && j < ny ? (start[j * nx + i] as number) : this.nearestSample(x, y);
  }

  /** The nearest of the samples 1 mm apart. */
  private nearestSample(x: number, y: number): number {
    const stride = Math.round(1 / STEP);
    let k = 0;
    let best = Infinity;
    for (let i = 0; i < this.xs.length; i += stride) {
      const d = ((this.xs[i] as number) - x) ** 2 + ((this.ys[i] as number) - y) ** 2;
      if (d < best) {
        best = d;
        k = i;
      }
    }
    return k;
  }
}
