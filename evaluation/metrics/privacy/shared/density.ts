import { symmetricEigen } from "../../../stats/symmetric-eigen.js";
/**
 * Density estimation for the DOMIAS attack: principal components of encoded rows, and a Gaussian kernel density
 * estimate in the reduced space, evaluated in log scale.
 *
 * Why PCA first: kernel densities degrade quickly with dimension (the encoded dental rows have 20-60
 * coordinates); the leading components keep most of the variance and make a KDE usable.
 */
import { encodeNumeric, kNearest, type EncodedRows } from "../../../stats/neighbors.js";

/** A fitted PCA: `components` is k × d row-major (unit vectors), `variances` their eigenvalues. */
export interface Pca {
  d: number;
  k: number;
  mean: Float64Array;
  components: Float64Array;
  variances: Float64Array;
  /** Share of total variance the k components explain. */
  explained: number;
}

/**
 * PCA of encoded rows by eigen-decomposition of the covariance matrix (cyclic Jacobi rotations).
 * Keeps the smallest number of components explaining `varianceShare` of the variance, at most `maxComponents`.
 * Cost: O(n·d²) for the covariance + O(d³) per Jacobi sweep (≈ 10 sweeps).
 */
export function fitPca(x: EncodedRows, options: { maxComponents: number; varianceShare: number }): Pca {
  const d = x.dims;
  const n = x.nRows;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t]! += x.data[i * x.stride + t] as number;
  for (let t = 0; t < d; t++) mean[t]! /= Math.max(1, n);
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) row[t] = (x.data[i * x.stride + t] as number) - (mean[t] as number);
    for (let a = 0; a < d; a++) {
      const ra = row[a] as number;
      if (ra === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b]! += ra * (row[b] as number);
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const v = (cov[a * d + b] as number) / Math.max(1, n - 1);
      cov[a * d + b] = v;
      cov[b * d + a] = v;
    }
  }
  const { values, vectors } = symmetricEigen(cov, d);
  const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number));
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  let k = 0;
  let acc = 0;
  while (k < Math.min(options.maxComponents, d) && (k === 0 || acc < options.varianceShare * total)) {
    acc += Math.max(0, values[order[k] as number] as number);
    k++;
  }
  const components = new Float64Array(k * d);
  const variances = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const j = order[c] as number;
    variances[c] = Math.max(0, values[j] as number);
    for (let t = 0; t < d; t++) components[c * d + t] = vectors[t * d + j] as number;
  }
  return { d, k, mean, components, variances, explained: total > 0 ? acc / total : 1 };
}

/** Scores of rows on the PCA components, n × k row-major. Cost: O(n·d·k). */
export function projectPca(pca: Pca, x: EncodedRows): Float64Array {
  const { d, k } = pca;
  const out = new Float64Array(x.nRows * k);
  for (let i = 0; i < x.nRows; i++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += ((x.data[i * x.stride + t] as number) - (pca.mean[t] as number)) * (pca.components[c * d + t] as number);
      out[i * k + c] = s;
    }
  }
  return out;
}


/** A Gaussian KDE with a diagonal bandwidth: centres m × k, bandwidth per dimension. */
export interface Kde {
  k: number;
  m: number;
  centres: Float64Array;
  bandwidth: Float64Array;
}

/**
 * Gaussian KDE with Scott's rule per dimension, h_j = σ_j · m^(−1/(k+4)) (scipy gaussian_kde's default factor,
 * with a diagonal instead of full covariance, which the PCA makes nearly exact). A dimension without spread gets
 * h = 1e-3 so the density stays finite.
 */
export function fitKde(points: Float64Array, m: number, k: number): Kde {
  const factor = Math.pow(Math.max(m, 1), -1 / (k + 4));
  const bandwidth = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    let ss = 0;
    for (let i = 0; i < m; i++) {
      const v = points[i * k + c] as number;
      s += v;
      ss += v * v;
    }
    const mu = s / Math.max(1, m);
    const sd = Math.sqrt(Math.max(0, ss / Math.max(1, m - 1) - (mu * mu * m) / Math.max(1, m - 1)));
    bandwidth[c] = sd > 0 ? sd * factor : 1e-3;
  }
  return { k, m, centres: points, bandwidth };
}

/** Centres (in bandwidth units) beyond which kernel contributions are dropped: see {@link kdeLogDensity}. */
export const KDE_NEIGHBOURS = 64;

/**
 * log p(x) of each row of `x` (n × k) under the KDE.
 *
 * Coordinates are divided by the bandwidths, which makes the kernel isotropic, exp(−½‖Δ‖²); each point then sums
 * the kernels of its {@link KDE_NEIGHBOURS} nearest centres, found with the exact k-NN search of stats/neighbors.ts.
 * Exact when the KDE has at most that many centres; otherwise the dropped centres each weigh less than the
 * 64th nearest, exp(−½d₆₄²) — the error only matters where the density is nearly flat, and then equally for
 * both densities of a ratio.
 * Cost: one k-NN search of n points among m centres in k dimensions, plus O(n · 128) exps.
 */
export async function kdeLogDensity(kde: Kde, x: Float64Array, n: number): Promise<Float64Array> {
  const { k, m, centres, bandwidth } = kde;
  let logNorm = -Math.log(m) - (k / 2) * Math.log(2 * Math.PI);
  for (let c = 0; c < k; c++) logNorm -= Math.log(bandwidth[c] as number);
  const scale = (points: Float64Array, rows: number) => {
    const out = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++) for (let c = 0; c < k; c++) out[i * k + c] = (points[i * k + c] as number) / (bandwidth[c] as number);
    return encodeNumeric(out, rows, k);
  };
  const nn = await kNearest(scale(x, n), scale(centres, m), { k: Math.min(KDE_NEIGHBOURS, m) });
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Distances come sorted: the first term is the largest, so log-sum-exp needs no running maximum.
    const d0 = nn.distances[i * nn.k] as number;
    const top = -0.5 * d0 * d0;
    let sum = 0;
    for (let j = 0; j < nn.k; j++) {
      const d = nn.distances[i * nn.k + j] as number;
      sum += Math.exp(-0.5 * d * d - top);
    }
    out[i] = top + Math.log(sum) + logNorm;
  }
  return out;
}
