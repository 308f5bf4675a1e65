import type { Rng } from "../../core/rng.js";

/**
 * Mode-specific normalisation of one continuous column (Xu et al. 2019, "Modeling Tabular Data using Conditional
 * GAN", NeurIPS): fit a Gaussian mixture to the column; a value x is then represented by a mode k drawn from
 * its posterior over the modes and the scalar α = (x − μ_k)/(4σ_k), clipped to [−1, 1]. Multimodal and
 * skewed columns thus become a one-hot of the mode plus a value of moderate range, which a tanh output can fit.
 *
 * The paper estimates the number of modes with a variational (Dirichlet-process) Gaussian mixture whose weight
 * prior switches unused modes off. We use plain maximum-likelihood EM instead, run for 1..maxModes components
 * and keep the count with the lowest BIC (Schwarz 1978), then drop modes whose weight is below
 * `weightThreshold` (0.005, as the reference implementation prunes) and renormalise. Everything is
 * deterministic given the Rng: the subsample, k-means++ seeding (Arthur & Vassilvitskii 2007), EM.
 */
export interface GaussianModes {
  means: number[];
  sds: number[];
  weights: number[];
}

export interface ModeFitOptions {
  /** Largest number of modes tried; default 10 (the paper's m ≤ 10). */
  maxModes?: number;
  /** Modes lighter than this are dropped after fitting; default 0.005. */
  weightThreshold?: number;
  /** At most this many values (a random subsample) are used to fit; default 5000. */
  maxRows?: number;
  /** EM iterations per component count; default 100. */
  maxIterations?: number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Fits the modes of the finite values of `values` (NaN ignored). */
export function fitModes(values: ArrayLike<number>, rng: Rng, options: ModeFitOptions = {}): GaussianModes {
  const maxModes = options.maxModes ?? 10;
  const threshold = options.weightThreshold ?? 0.005;
  const maxRows = options.maxRows ?? 5000;
  const maxIterations = options.maxIterations ?? 100;

  let data: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) data.push(v);
  }
  if (data.length === 0) return { means: [0], sds: [1], weights: [1] };
  if (data.length > maxRows) {
    // Partial Fisher-Yates: the first maxRows of a random permutation.
    for (let i = 0; i < maxRows; i++) {
      const j = i + rng.int(data.length - i);
      const t = data[i] as number;
      data[i] = data[j] as number;
      data[j] = t;
    }
    data = data.slice(0, maxRows);
  }
  // Fit on standardised values (EM's moment sums stay well conditioned whatever the unit), map back at the end.
  const n = data.length;
  let mean = 0;
  for (const v of data) mean += v;
  mean /= n;
  let variance = 0;
  for (const v of data) variance += (v - mean) ** 2;
  const sd = Math.sqrt(variance / n);
  // Floor on a mode's sd (in sds of the column): keeps EM off the singularity of a mode collapsing onto repeated
  // values (integer-valued columns) while still letting such a column get one narrow mode per frequent value.
  const sdFloor = 1e-3;
  if (!(sd > Math.abs(mean) * 1e-12)) return { means: [mean], sds: [Math.max(Math.abs(mean) * 1e-9, 1e-12)], weights: [1] };
  const x = Float64Array.from(data, (v) => (v - mean) / sd);
  const distinct = new Set(data).size;
  let best: { modes: GaussianModes; bic: number } | undefined;
  let sinceImproved = 0;
  for (let k = 1; k <= Math.min(maxModes, distinct); k++) {
    const fitted = emFit(x, k, sdFloor, maxIterations, rng.fork(`k${k}`));
    const bic = -2 * fitted.logLikelihood + (3 * k - 1) * Math.log(n);
    if (!best || bic < best.bic) {
      best = { modes: fitted.modes, bic };
      sinceImproved = 0;
    } else if (++sinceImproved >= 2) {
      break; // two larger counts in a row did no better: stop searching
    }
  }
  const standard = pruneModes((best as { modes: GaussianModes }).modes, threshold);
  return { means: standard.means.map((m) => mean + sd * m), sds: standard.sds.map((s) => sd * s), weights: standard.weights };
}

/** Drops modes below `threshold` weight (keeping at least the heaviest), renormalises, sorts by mean. */
function pruneModes(modes: GaussianModes, threshold: number): GaussianModes {
  const order = modes.weights.map((_, k) => k).sort((a, b) => (modes.means[a] as number) - (modes.means[b] as number));
  const heaviest = modes.weights.indexOf(Math.max(...modes.weights));
  const keep = order.filter((k) => (modes.weights[k] as number) >= threshold || k === heaviest);
  const total = keep.reduce((s, k) => s + (modes.weights[k] as number), 0);
  return {
    means: keep.map((k) => modes.means[k] as number),
    sds: keep.map((k) => modes.sds[k] as number),
    weights: keep.map((k) => (modes.weights[k] as number) / total),
  };
}

/** EM for a k-component 1-D Gaussian mixture, seeded by k-means++. */
function emFit(x: Float64Array, k: number, sdFloor: number, maxIterations: number, rng: Rng): { modes: GaussianModes; logLikelihood: number } {
  const n = x.length;
  const means = kmeansPlusPlus(x, k, rng);
  // Initial responsibilities: hard assignment to the nearest seed.
  const weights = new Float64Array(k);
  const sds = new Float64Array(k);
  const sums = new Float64Array(k);
  const sumSq = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    let bestK = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const d = Math.abs(v - (means[c] as number));
      if (d < bestD) {
        bestD = d;
        bestK = c;
      }
    }
    weights[bestK] = (weights[bestK] as number) + 1;
    sums[bestK] = (sums[bestK] as number) + v;
    sumSq[bestK] = (sumSq[bestK] as number) + v * v;
  }
  for (let c = 0; c < k; c++) {
    const w = weights[c] as number;
    if (w > 0) {
      means[c] = (sums[c] as number) / w;
      sds[c] = Math.sqrt(Math.max(0, (sumSq[c] as number) / w - (means[c] as number) ** 2) + sdFloor * sdFloor);
    } else sds[c] = sdFloor;
    weights[c] = Math.max(w, 1) / n;
  }

  const resp = new Float64Array(n * k);
  const nk = new Float64Array(k);
  let logLikelihood = -Infinity;
  for (let iter = 0; iter < maxIterations; iter++) {
    // E step: responsibilities (one exp per value and mode) and the log-likelihood of the current parameters.
    let ll = 0;
    const logNorm = Array.from(weights, (w, c) => Math.log(w) - Math.log(sds[c] as number) - LOG_SQRT_2PI);
    const precision = Array.from(sds, (sd) => 1 / sd);
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      const base = i * k;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        const z = (v - (means[c] as number)) * (precision[c] as number);
        const l = (logNorm[c] as number) - 0.5 * z * z;
        resp[base + c] = l;
        if (l > max) max = l;
      }
      let s = 0;
      for (let c = 0; c < k; c++) {
        const e = Math.exp((resp[base + c] as number) - max);
        resp[base + c] = e;
        s += e;
      }
      ll += max + Math.log(s);
      const inv = 1 / s;
      for (let c = 0; c < k; c++) resp[base + c] = (resp[base + c] as number) * inv;
    }
    // Stop when the mean log-likelihood moves by less than 1e-4 per value (sklearn stops at 1e-3).
    const converged = Math.abs(ll - logLikelihood) < 1e-4 * n;
    logLikelihood = ll;
    if (converged) break;
    // M step.
    nk.fill(0);
    sums.fill(0);
    sumSq.fill(0);
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      const base = i * k;
      for (let c = 0; c < k; c++) {
        const r = resp[base + c] as number;
        nk[c] = (nk[c] as number) + r;
        sums[c] = (sums[c] as number) + r * v;
        sumSq[c] = (sumSq[c] as number) + r * v * v;
      }
    }
    for (let c = 0; c < k; c++) {
      const w = nk[c] as number;
      weights[c] = Math.max(w / n, 1e-300);
      if (w > 1e-12) {
        const m = (sums[c] as number) / w;
        means[c] = m;
        // E[v²] − m² can lose digits when |m| ≫ sd; the floor keeps it positive.
        sds[c] = Math.sqrt(Math.max(0, (sumSq[c] as number) / w - m * m) + sdFloor * sdFloor);
      } else sds[c] = sdFloor;
    }
  }
  return { modes: { means: Array.from(means), sds: Array.from(sds), weights: Array.from(weights) }, logLikelihood };
}

/** k-means++ seeds: the first uniformly, each next with probability proportional to the squared distance. */
function kmeansPlusPlus(x: Float64Array, k: number, rng: Rng): Float64Array {
  const n = x.length;
  const centers = new Float64Array(k);
  centers[0] = x[rng.int(n)] as number;
  const d2 = Float64Array.from(x, (v) => (v - (centers[0] as number)) ** 2);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (const d of d2) total += d;
    let pick = n - 1;
    if (total > 0) {
      let r = rng.next() * total;
      for (let i = 0; i < n; i++) {
        r -= d2[i] as number;
        if (r < 0) {
          pick = i;
          break;
        }
      }
    } else pick = rng.int(n);
    centers[c] = x[pick] as number;
    for (let i = 0; i < n; i++) d2[i] = Math.min(d2[i] as number, ((x[i] as number) - (centers[c] as number)) ** 2);
  }
  return centers;
}

/** Log posterior weights of each mode for value `v` (unnormalised is fine for sampling and argmax). */
export function modeLogPosterior(modes: GaussianModes, v: number, out: Float64Array): void {
  for (let c = 0; c < modes.means.length; c++) {
    const z = (v - (modes.means[c] as number)) / (modes.sds[c] as number);
    out[c] = Math.log(modes.weights[c] as number) - Math.log(modes.sds[c] as number) - 0.5 * z * z;
  }
}
