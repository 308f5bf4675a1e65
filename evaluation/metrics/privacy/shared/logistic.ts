/**
 * L2-regularised logistic regression on a few standardised features, fitted by Newton-Raphson (IRLS): the
 * meta-classifier of the shadow-model attack. Small and exact enough for p ≤ 20 features.
 */

/** A fitted model: standardisation and coefficients. */
export interface LogisticModel {
  mean: Float64Array;
  scale: Float64Array;
  /** Coefficients of the standardised features. */
  weights: Float64Array;
  intercept: number;
  iterations: number;
}

/**
 * Fits P(y = 1 | x) = σ(b + w·z), z = standardised x, minimising the mean log-loss + (λ/2)‖w‖².
 * `x` is n × p row-major; labels 0/1. Cost: O(iterations · n · p²) with ≤ 50 iterations.
 */
export function fitLogistic(x: Float64Array, y: Uint8Array, p: number, lambda = 1e-2): LogisticModel {
  const n = y.length;
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * p + j] as number;
      s += v;
      ss += v * v;
    }
    mean[j] = s / n;
    const sd = Math.sqrt(Math.max(0, ss / n - (s / n) ** 2));
    scale[j] = sd > 0 ? sd : 1;
  }
  const z = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) z[i * p + j] = ((x[i * p + j] as number) - (mean[j] as number)) / (scale[j] as number);
  // Parameters θ = (b, w); Newton step solves H Δ = g.
  const q = p + 1;
  const theta = new Float64Array(q);
  let it = 0;
  for (; it < 50; it++) {
    const g = new Float64Array(q);
    const h = new Float64Array(q * q);
    for (let i = 0; i < n; i++) {
      let eta = theta[0] as number;
      for (let j = 0; j < p; j++) eta += (theta[j + 1] as number) * (z[i * p + j] as number);
      const mu = 1 / (1 + Math.exp(-eta));
      const r = mu - (y[i] as number);
      const wgt = Math.max(mu * (1 - mu), 1e-10);
      for (let a = 0; a < q; a++) {
        const za = a === 0 ? 1 : (z[i * p + a - 1] as number);
        g[a]! += (r * za) / n;
        for (let b = a; b < q; b++) {
          const zb = b === 0 ? 1 : (z[i * p + b - 1] as number);
          h[a * q + b]! += (wgt * za * zb) / n;
        }
      }
    }
    for (let a = 1; a < q; a++) {
      g[a]! += lambda * (theta[a] as number);
      h[a * q + a]! += lambda;
    }
    for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) h[a * q + b] = h[b * q + a] as number;
    const step = solve(h, g, q);
    let norm = 0;
    for (let a = 0; a < q; a++) {
      theta[a]! -= step[a] as number;
      norm += (step[a] as number) ** 2;
    }
    if (norm < 1e-18) break;
  }
  return { mean, scale, weights: theta.slice(1), intercept: theta[0] as number, iterations: it + 1 };
}

/** Linear predictor b + w·z of each row (a monotone score; σ of it is the probability). */
export function logisticScores(model: LogisticModel, x: Float64Array, n: number): Float64Array {
  const p = model.weights.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = model.intercept;
    for (let j = 0; j < p; j++) eta += (model.weights[j] as number) * (((x[i * p + j] as number) - (model.mean[j] as number)) / (model.scale[j] as number));
    out[i] = eta;
  }
  return out;
}

/** Gaussian elimination with partial pivoting for a small dense system. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c] as number) > Math.abs(m[piv * n + c] as number)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        const t = m[c * n + k] as number;
        m[c * n + k] = m[piv * n + k] as number;
        m[piv * n + k] = t;
      }
      const t = x[c] as number;
      x[c] = x[piv] as number;
      x[piv] = t;
    }
    const d = m[c * n + c] as number;
    if (Math.abs(d) < 1e-300) continue;
    for (let r = c + 1; r < n; r++) {
      const f = (m[r * n + c] as number) / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) m[r * n + k]! -= f * (m[c * n + k] as number);
      x[r]! -= f * (x[c] as number);
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c] as number;
    for (let k = c + 1; k < n; k++) s -= (m[c * n + k] as number) * (x[k] as number);
    const d = m[c * n + c] as number;
    x[c] = Math.abs(d) < 1e-300 ? 0 : s / d;
  }
  return x;
}
